import { Injectable } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { type EntityManager } from 'typeorm';
import { type RectificationSourceType } from './rectification-enums';

/** Answers whether a source record (an opinion, an inspection finding) exists in a bureau. */
export type SourceVerifier = (manager: EntityManager, bureauId: number, sourceId: string) => Promise<boolean>;

/**
 * The modules that own source records register a verifier for their type
 * (supervision for inspection findings, appraisal for opinions), so an item
 * never links to a record that does not exist, and rectification imports
 * none of them. Types without a verifier are checked for shape only.
 */
@Injectable()
export class RectificationSources {
  private readonly verifiers = new Map<RectificationSourceType, SourceVerifier>();

  register(type: RectificationSourceType, verifier: SourceVerifier): void {
    this.verifiers.set(type, verifier);
  }

  /** `NOT_FOUND` at `path` when a verifier for `type` knows no record `sourceId`. */
  async assertExists(manager: EntityManager, bureauId: number, type: RectificationSourceType, sourceId: string, path: string): Promise<void> {
    const verifier = this.verifiers.get(type);
    if (verifier && !(await verifier(manager, bureauId, sourceId))) {
      throw new PingyiError('NOT_FOUND', `no ${type} with id ${sourceId} in your bureau`, path);
    }
  }
}
