import { Injectable } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { type EntityManager } from 'typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { type RectificationSourceType } from './rectification-enums';

/** Where a source record must be: the bureau and the campaign of the item citing it. */
export interface SourceScope {
  readonly bureauId: number;
  readonly campaignId: number;
}

/** Answers whether a source record (an opinion, an inspection finding) exists in the scope. */
export type SourceVerifier = (manager: EntityManager, scope: SourceScope, sourceId: string) => Promise<boolean>;

/**
 * Checks the records an item cites as its sources. Opinions (the appraisal
 * module's 意见表) are checked here; modules built on rectification register
 * their own types (supervision: inspection findings), so an item never
 * links to a record that does not exist and rectification imports none of
 * those modules. City feedback and gap checks are references in words.
 */
@Injectable()
export class RectificationSources {
  private readonly verifiers = new Map<RectificationSourceType, SourceVerifier>();

  constructor() {
    this.register('opinion', (manager, scope, sourceId) => manager.existsBy(Opinion, { id: sourceId, bureauId: scope.bureauId, campaignId: scope.campaignId }));
  }

  register(type: RectificationSourceType, verifier: SourceVerifier): void {
    this.verifiers.set(type, verifier);
  }

  /** `NOT_FOUND` at `path` when a verifier for `type` knows no record `sourceId` in the scope. */
  async assertExists(manager: EntityManager, scope: SourceScope, type: RectificationSourceType, sourceId: string, path: string): Promise<void> {
    const verifier = this.verifiers.get(type);
    if (verifier && !(await verifier(manager, scope, sourceId))) {
      throw new PingyiError('NOT_FOUND', `no ${type} with id ${sourceId} in this campaign`, path);
    }
  }
}
