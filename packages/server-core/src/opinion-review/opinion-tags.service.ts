import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { refusal } from '@pingyi/domain';
import { In, Repository } from 'typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { MAX_TAG_LENGTH, OPINION_READERS_BUREAU_WIDE } from '../appraisal/opinion.service';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { whereUnitInScope } from '../common/scoping';
import { checkList, checkText } from '../common/validation';
import { Transactions } from '../database/transactions';
import { type ReviewOpinionsSuccess } from './dto/opinion-review.dto';
import { OpinionReviewService } from './opinion-review.service';
import { OpinionTag } from './opinion-tag.entity';

/** Most tags one opinion may carry. */
export const MAX_TAGS_PER_OPINION = 10;
/** Most distinct tags listed for a campaign. */
const MAX_TAGS_LISTED = 200;

const checkTag = (value: unknown, path: string): string => checkText(value, path, { max: MAX_TAG_LENGTH });

/**
 * Tags on opinions (窗口服务, 执法规范…): set by the office as a review
 * decision, in bulk, while reviewing is open; filtered on in the opinion list.
 */
@Injectable()
export class OpinionTagsService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(OpinionTag) private readonly tags: Repository<OpinionTag>,
    private readonly review: OpinionReviewService,
    private readonly campaigns: CampaignService,
  ) {}

  /** Adds and removes tags on many opinions at once: all of them, or none. */
  async tag(
    ctx: RequestContext,
    ids: unknown,
    add: unknown,
    remove: unknown,
    now: Date = new Date(),
  ): Promise<ReviewOpinionsSuccess> {
    const adding = [...new Set(checkList(add ?? [], 'add', MAX_TAGS_PER_OPINION, checkTag))];
    const removing = [...new Set(checkList(remove ?? [], 'remove', MAX_TAGS_PER_OPINION, checkTag))];
    if (!adding.length && !removing.length) throw refusal('INVALID_ARGUMENT', 'noTagGiven', {}, 'add');
    const found = await this.review.opinionsOrThrow(ctx, ids, 'ids');
    for (const campaignId of new Set(found.map((opinion) => opinion.campaignId))) {
      assertCampaignActionOpen(await this.campaigns.findOrThrow(ctx, campaignId, 'ids'), 'reviewOpinions', now);
    }
    const list = found.map((opinion) => opinion.id);
    await this.transactions.run(async (manager) => {
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        if (removing.length) await manager.delete(OpinionTag, { opinionId: In(chunk), tag: In(removing) });
        const have = await manager.find(OpinionTag, { where: { opinionId: In(chunk) } });
        const rows = chunk.flatMap((opinionId) =>
          adding
            .filter((tag) => !have.some((row) => row.opinionId === opinionId && row.tag === tag))
            .map((tag) => ({ opinionId, tag })),
        );
        const count = new Map<string, number>();
        for (const row of [...have, ...rows]) count.set(row.opinionId, (count.get(row.opinionId) ?? 0) + 1);
        const over = [...count.entries()].find(([, n]) => n > MAX_TAGS_PER_OPINION);
        if (over)
          throw refusal('INVALID_ARGUMENT', 'tooManyTags', { max: MAX_TAGS_PER_OPINION }, 'add', {
            limit: MAX_TAGS_PER_OPINION,
          });
        for (let j = 0; j < rows.length; j += 400) await manager.insert(OpinionTag, rows.slice(j, j + 400));
      }
    });
    const tagsOf = await this.tagsOf(list);
    return {
      updated: list.length,
      opinions: found.map((opinion) => Object.assign(opinion, { tags: tagsOf.get(opinion.id) ?? [] })),
    };
  }

  /** The tags of each opinion, in alphabetical order. */
  async tagsOf(opinionIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    for (let i = 0; i < opinionIds.length; i += 500) {
      const rows = await this.tags.find({
        where: { opinionId: In(opinionIds.slice(i, i + 500)) },
        order: { tag: 'ASC' },
      });
      for (const row of rows) result.set(row.opinionId, [...(result.get(row.opinionId) ?? []), row.tag]);
    }
    return result;
  }

  /** The tags used in a campaign (of the opinions the caller may read), most used first. */
  async used(ctx: RequestContext, campaignId: unknown): Promise<string[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.tags
      .createQueryBuilder('tagged')
      .innerJoin(Opinion, 'opinion', 'opinion.id = tagged.opinionId')
      .select('tagged.tag', 'tag')
      .addSelect('COUNT(*)', 'uses')
      .where('opinion.bureauId = :bureauId AND opinion.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      });
    whereUnitInScope(query, ctx, OPINION_READERS_BUREAU_WIDE, 'opinion.unitCode');
    const rows = await query
      .groupBy('tagged.tag')
      .orderBy('uses', 'DESC')
      .addOrderBy('tagged.tag', 'ASC')
      .limit(MAX_TAGS_LISTED)
      .getRawMany<{ tag: string }>();
    return rows.map((row) => row.tag);
  }
}
