import { type OnModuleInit } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Allow } from '../common/allow.decorator';
import { RectificationItemDetail } from '../rectification/dto/rectification-item.dto';
import { ALL_RECTIFICATION_ROLES } from '../rectification/rectification-access';
import { ItemEvidence, type ItemEvidenceSource } from '../rectification/item-evidence';
import { Attachment } from './attachment.entity';

const CHUNK = 500;

/**
 * The attachment module's side of rectification: an item's files on its
 * detail page, and the attachment ids its evidence check reads (lent to
 * {@link ItemEvidence}, so rectification never imports this module).
 */
@Resolver(() => RectificationItemDetail)
export class ItemAttachmentsResolver implements ItemEvidenceSource, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: ItemEvidence,
  ) {}

  onModuleInit(): void {
    this.evidence.provide(this);
  }

  // whoever may read the item (the rectificationItem query's roles) may see its files
  @Allow(...ALL_RECTIFICATION_ROLES)
  @ResolveField(() => [Attachment])
  attachments(@Parent() item: RectificationItemDetail): Promise<Attachment[]> {
    return this.dataSource.manager.find(Attachment, {
      where: { itemId: item.id, bureauId: item.bureauId },
      order: { id: 'ASC' },
    });
  }

  async idsByItem(
    manager: EntityManager,
    bureauId: number,
    itemIds: readonly number[],
  ): Promise<Map<number, Set<string>>> {
    const byItem = new Map<number, Set<string>>();
    for (let i = 0; i < itemIds.length; i += CHUNK) {
      const rows = await manager.find(Attachment, {
        select: { id: true, itemId: true },
        where: { bureauId, itemId: In(itemIds.slice(i, i + CHUNK)) },
      });
      for (const row of rows) {
        const set = byItem.get(row.itemId) ?? new Set<string>();
        set.add(String(row.id));
        byItem.set(row.itemId, set);
      }
    }
    return byItem;
  }
}
