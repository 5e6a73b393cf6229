import { Injectable } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { type EntityManager, In } from 'typeorm';
import { Opinion, OpinionStatus } from '../appraisal/opinion.entity';
import { type RectificationSourceType } from './rectification-enums';
import { RectificationItem } from './rectification-item.entity';
import { RectificationSourceLink } from './rectification-source.entity';

/** Where a source record must be: the bureau and the campaign of the item citing it. */
export interface SourceScope {
  readonly bureauId: number;
  readonly campaignId: number;
}

/** Answers whether a source record (an opinion, an inspection finding) exists in the scope. */
export type SourceVerifier = (manager: EntityManager, scope: SourceScope, sourceId: string) => Promise<boolean>;

/** The words of source records of one type, by id (an opinion's text, a finding's text). */
export type SourceDescriber = (
  manager: EntityManager,
  bureauId: number,
  sourceIds: readonly string[],
) => Promise<ReadonlyMap<string, string>>;

const CHUNK = 500;

/**
 * Checks the records an item cites as its sources. Opinions (the appraisal
 * module's 意见表) are checked here; modules built on rectification register
 * their own types (supervision: inspection findings), so an item never
 * links to a record that does not exist and rectification imports none of
 * those modules. City feedback and gap checks are references in words.
 * An opinion is the source of one item only: citing it marks it merged.
 */
@Injectable()
export class RectificationSources {
  private readonly verifiers = new Map<RectificationSourceType, SourceVerifier>();
  private readonly describers = new Map<RectificationSourceType, SourceDescriber>();

  constructor() {
    this.register(
      'opinion',
      (manager, scope, sourceId) =>
        manager.existsBy(Opinion, { id: sourceId, bureauId: scope.bureauId, campaignId: scope.campaignId }),
      async (manager, bureauId, ids) =>
        new Map(
          (
            await manager.find(Opinion, { select: { id: true, text: true }, where: { bureauId, id: In([...ids]) } })
          ).map((o) => [o.id, o.text]),
        ),
    );
  }

  register(type: RectificationSourceType, verifier: SourceVerifier, describer?: SourceDescriber): void {
    this.verifiers.set(type, verifier);
    if (describer) this.describers.set(type, describer);
  }

  /** `NOT_FOUND` at `path` when a verifier for `type` knows no record `sourceId` in the scope. */
  async assertExists(
    manager: EntityManager,
    scope: SourceScope,
    type: RectificationSourceType,
    sourceId: string,
    path: string,
  ): Promise<void> {
    const verifier = this.verifiers.get(type);
    if (verifier && !(await verifier(manager, scope, sourceId))) {
      throw new PingyiError('NOT_FOUND', `no ${type} with id ${sourceId} in this campaign`, path);
    }
  }

  /**
   * Before `links` are stored for a new item: an opinion already cited by an
   * item is `ALREADY_MERGED` (the message names that item); the others are
   * marked merged, so they leave the review queue.
   */
  async claim(
    manager: EntityManager,
    bureauId: number,
    links: readonly { sourceType: RectificationSourceType; sourceId: string | null }[],
  ): Promise<void> {
    const opinionIds = links
      .filter((link) => link.sourceType === 'opinion' && link.sourceId !== null)
      .map((link) => link.sourceId as string);
    if (opinionIds.length === 0) return;
    const taken = await manager.findOne(RectificationSourceLink, {
      where: { bureauId, sourceType: 'opinion', sourceId: In(opinionIds) },
      order: { id: 'ASC' },
    });
    if (taken) {
      const item = await manager.findOneBy(RectificationItem, { id: taken.itemId, bureauId });
      const at = links.findIndex((link) => link.sourceType === 'opinion' && link.sourceId === taken.sourceId);
      throw new PingyiError(
        'ALREADY_MERGED',
        `opinion ${taken.sourceId} is already merged into rectification item #${taken.itemId} "${item?.title ?? ''}"`,
        `input.sources[${at}].id`,
        {
          itemId: String(taken.itemId),
          title: item?.title ?? '',
        },
      );
    }
    for (let i = 0; i < opinionIds.length; i += CHUNK) {
      await manager.update(
        Opinion,
        { bureauId, id: In(opinionIds.slice(i, i + CHUNK)) },
        { status: OpinionStatus.merged },
      );
    }
  }

  /** The words of each link (`type|id` → text) whose type has a describer and whose record still exists. */
  async describe(
    manager: EntityManager,
    bureauId: number,
    links: readonly RectificationSourceLink[],
  ): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const [type, describer] of this.describers) {
      const ids = [
        ...new Set(
          links
            .filter((link) => link.sourceType === type && link.sourceId !== null)
            .map((link) => link.sourceId as string),
        ),
      ];
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const [id, text] of await describer(manager, bureauId, ids.slice(i, i + CHUNK)))
          texts.set(`${type}|${id}`, text);
      }
    }
    return texts;
  }

  /** The item each opinion is merged into (opinion id → item id), for the opinions that are. */
  async itemsOfOpinions(
    manager: EntityManager,
    bureauId: number,
    opinionIds: readonly string[],
  ): Promise<Map<string, number>> {
    const items = new Map<string, number>();
    for (let i = 0; i < opinionIds.length; i += CHUNK) {
      const links = await manager.find(RectificationSourceLink, {
        where: { bureauId, sourceType: 'opinion', sourceId: In(opinionIds.slice(i, i + CHUNK)) },
        order: { id: 'ASC' },
      });
      for (const link of links) if (link.sourceId && !items.has(link.sourceId)) items.set(link.sourceId, link.itemId);
    }
    return items;
  }
}
