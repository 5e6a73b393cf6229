import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/**
 * The evidence files of rectification items, as the rectification checks
 * need them. The attachment module owns the files and depends on
 * rectification (an attachment belongs to an item), so it lends its lookup
 * here at start-up rather than rectification importing it.
 */
export interface ItemEvidenceSource {
  /** Attachment ids (as the payload's `evidence` names them) per item, within the bureau. */
  idsByItem(manager: EntityManager, bureauId: number, itemIds: readonly number[]): Promise<Map<number, Set<string>>>;
}

/** The port rectification reads evidence through; without an attachment module no item has any. */
@Injectable()
export class ItemEvidence {
  private source: ItemEvidenceSource | null = null;

  /** Called once by the module that stores the files. */
  provide(source: ItemEvidenceSource): void {
    if (this.source && this.source !== source) throw new Error('the item evidence is already provided');
    this.source = source;
  }

  idsByItem(manager: EntityManager, bureauId: number, itemIds: readonly number[]): Promise<Map<number, Set<string>>> {
    return this.source ? this.source.idsByItem(manager, bureauId, itemIds) : Promise.resolve(new Map());
  }
}
