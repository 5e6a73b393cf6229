import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { In, Repository } from 'typeorm';
import { Opinion, OpinionStatus, REVIEW_STATUSES } from '../appraisal/opinion.entity';
import { OPINION_READERS_BUREAU_WIDE } from '../appraisal/opinion.service';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { assertUnitInScope, whereBureau, whereUnitInScope } from '../common/scoping';
import { checkCode, checkId, checkList, checkOneOf, checkOptionalText, checkText } from '../common/validation';
import { Unit } from '../organization/unit.entity';
import {
  type MergeOpinionsInput,
  type OpinionProblemDetail,
  type OpinionProblemFilter,
  type ReviewOpinionsSuccess,
} from './dto/opinion-review.dto';
import { OpinionProblemMember } from './opinion-problem-member.entity';
import { OpinionProblem } from './opinion-problem.entity';
import { Transactions } from '../database/transactions';

/** Most opinions one bulk action or merge may name. */
export const MAX_OPINIONS_PER_ACTION = 1_000;

const PROBLEM_LIST = {
  sortable: { createdAt: 'problem.createdAt', unitCode: 'problem.unitCode', title: 'problem.title' },
  defaultSort: [['createdAt', SortOrder.DESC]],
} as const;

const checkOpinionId = (value: unknown, path: string): string =>
  checkText(value, path, {
    min: 36,
    max: 36,
    pattern: {
      regex: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      description: 'an opinion id (UUID)',
    },
  }).toLowerCase();

/**
 * The office's review queue of opinions (意见表): statuses set in bulk, and
 * opinions merged into problems that rectification items are opened from.
 */
@Injectable()
export class OpinionReviewService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Opinion) private readonly opinions: Repository<Opinion>,
    @InjectRepository(OpinionProblem) private readonly problems: Repository<OpinionProblem>,
    @InjectRepository(OpinionProblemMember) private readonly members: Repository<OpinionProblemMember>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    private readonly campaigns: CampaignService,
  ) {}

  /** Sets the status of many opinions at once: all of them, or none when one is unknown or its campaign is closed. */
  async reviewMany(
    ctx: RequestContext,
    ids: unknown,
    status: unknown,
    now: Date = new Date(),
  ): Promise<ReviewOpinionsSuccess> {
    const next = checkOneOf(status, 'status', REVIEW_STATUSES);
    const found = await this.opinionsOrThrow(ctx, ids, 'ids');
    for (const campaignId of new Set(found.map((opinion) => opinion.campaignId))) {
      assertCampaignActionOpen(await this.campaigns.findOrThrow(ctx, campaignId, 'ids'), 'reviewOpinions', now);
    }
    const list = found.map((opinion) => opinion.id);
    await this.transactions.run(async (manager) => {
      for (let i = 0; i < list.length; i += 500)
        await manager.update(Opinion, { id: In(list.slice(i, i + 500)), bureauId: ctx.bureauId }, { status: next });
    });
    return { updated: list.length, opinions: found.map((opinion) => Object.assign(opinion, { status: next })) };
  }

  /**
   * Merges opinions of one campaign into a new problem (title, unit) or into
   * `problemId`. Pending opinions become verified. An opinion already in
   * another problem is `ALREADY_MERGED`.
   */
  async merge(ctx: RequestContext, input: MergeOpinionsInput, now: Date = new Date()): Promise<OpinionProblemDetail> {
    const found = await this.opinionsOrThrow(ctx, input?.opinionIds, 'input.opinionIds');
    const campaignIds = new Set(found.map((opinion) => opinion.campaignId));
    if (campaignIds.size > 1)
      throw new PingyiError(
        'INVALID_ARGUMENT',
        'the opinions belong to different campaigns; merge those of one campaign',
        'input.opinionIds',
      );
    const campaign = await this.campaigns.findOrThrow(ctx, [...campaignIds][0], 'input.opinionIds');
    assertCampaignActionOpen(campaign, 'reviewOpinions', now);
    let problem: OpinionProblem;
    if (input.problemId !== null && input.problemId !== undefined) {
      problem = await this.problemOrThrow(ctx, input.problemId, 'input.problemId');
      if (problem.campaignId !== campaign.id)
        throw new PingyiError(
          'INVALID_ARGUMENT',
          'the problem belongs to another campaign than the opinions',
          'input.problemId',
        );
    } else {
      const title = checkText(input.title, 'input.title', { max: 200 });
      const description = checkOptionalText(input.description, 'input.description', { max: 5_000 });
      const unitCode = await this.unitOf(campaign.id, found, input.unitCode);
      problem = this.problems.create({
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
        unitCode,
        title,
        description,
        createdBy: ctx.userOrThrow.username,
      });
    }
    const ids = found.map((opinion) => opinion.id);
    const taken = await this.members.find({ where: { opinionId: In(ids) }, relations: { problem: true } });
    const elsewhere = taken.find((member) => member.problemId !== problem.id);
    if (elsewhere) {
      throw new PingyiError(
        'ALREADY_MERGED',
        `opinion ${elsewhere.opinionId} is already merged into problem ${elsewhere.problemId} "${elsewhere.problem?.title ?? ''}"`,
        'input.opinionIds',
      );
    }
    const already = new Set(taken.map((member) => member.opinionId));
    await this.transactions.run(async (manager) => {
      if (problem.id === undefined) problem = await manager.save(problem);
      const fresh = ids.filter((id) => !already.has(id)).map((opinionId) => ({ opinionId, problemId: problem.id }));
      for (let i = 0; i < fresh.length; i += 500) await manager.insert(OpinionProblemMember, fresh.slice(i, i + 500));
      for (let i = 0; i < ids.length; i += 500) {
        await manager.update(
          Opinion,
          { id: In(ids.slice(i, i + 500)), bureauId: ctx.bureauId, status: OpinionStatus.pending },
          { status: OpinionStatus.verified },
        );
      }
    });
    return this.detail(ctx, problem.id);
  }

  /** Takes an opinion out of its problem (the problem stays, even when empty). */
  async unmerge(
    ctx: RequestContext,
    problemId: unknown,
    opinionId: unknown,
    now: Date = new Date(),
  ): Promise<OpinionProblemDetail> {
    const problem = await this.problemOrThrow(ctx, problemId, 'problemId');
    assertCampaignActionOpen(
      await this.campaigns.findOrThrow(ctx, problem.campaignId, 'problemId'),
      'reviewOpinions',
      now,
    );
    const id = checkOpinionId(opinionId, 'opinionId');
    const removed = await this.members.delete({ opinionId: id, problemId: problem.id });
    if (!removed.affected)
      throw new PingyiError('NOT_FOUND', `opinion ${id} is not in problem ${problem.id}`, 'opinionId');
    return this.detail(ctx, problem.id);
  }

  /** Problems of a campaign with their opinion counts (a liaison sees their unit's). */
  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: OpinionProblemFilter | null,
  ): Promise<Page<OpinionProblem>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = whereBureau(this.problems.createQueryBuilder('problem'), ctx).andWhere(
      'problem.campaignId = :campaignId',
      { campaignId: campaign.id },
    );
    whereUnitInScope(query, ctx, OPINION_READERS_BUREAU_WIDE);
    if (filter?.unitCode)
      query.andWhere('problem.unitCode = :unitCode', { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    const page = await paginate(query, options, PROBLEM_LIST);
    if (page.items.length === 0) return page;
    const counts = await this.members
      .createQueryBuilder('member')
      .select('member.problemId', 'problemId')
      .addSelect('COUNT(*)', 'count')
      .where('member.problemId IN (:...ids)', { ids: page.items.map((problem) => problem.id) })
      .groupBy('member.problemId')
      .getRawMany<{ problemId: number | string; count: number | string }>();
    return {
      ...page,
      items: page.items.map((problem) =>
        Object.assign(problem, {
          opinionCount: Number(counts.find((c) => Number(c.problemId) === problem.id)?.count ?? 0),
        }),
      ),
    };
  }

  /** One problem with its opinions (one query for the opinions). */
  async detail(ctx: RequestContext, id: unknown): Promise<OpinionProblemDetail> {
    const problem = await this.problemOrThrow(ctx, id, 'id');
    const opinions = await this.opinions
      .createQueryBuilder('opinion')
      .innerJoin(OpinionProblemMember, 'member', 'member.opinionId = opinion.id')
      .where('member.problemId = :problemId AND opinion.bureauId = :bureauId', {
        problemId: problem.id,
        bureauId: ctx.bureauId,
      })
      .orderBy('opinion.receivedOn', 'ASC')
      .addOrderBy('opinion.id', 'ASC')
      .getMany();
    problem.opinionCount = opinions.length;
    return { problem, opinionIds: opinions.map((opinion) => opinion.id), opinions };
  }

  private async problemOrThrow(ctx: RequestContext, id: unknown, path: string): Promise<OpinionProblem> {
    const problemId = checkId(id, path);
    const problem = await this.problems.findOneBy({ id: problemId, bureauId: ctx.bureauId });
    if (!problem) throw new PingyiError('NOT_FOUND', `no opinion problem with id ${problemId} in your bureau`, path);
    assertUnitInScope(ctx, problem.unitCode, OPINION_READERS_BUREAU_WIDE, path);
    return problem;
  }

  /** The opinions named by `ids` in the caller's bureau; NOT_FOUND names the first unknown one. */
  async opinionsOrThrow(ctx: RequestContext, ids: unknown, path: string): Promise<Opinion[]> {
    const list = [...new Set(checkList(ids, path, MAX_OPINIONS_PER_ACTION, checkOpinionId, 1))];
    const found: Opinion[] = [];
    for (let i = 0; i < list.length; i += 500)
      found.push(...(await this.opinions.findBy({ id: In(list.slice(i, i + 500)), bureauId: ctx.bureauId })));
    const known = new Set(found.map((opinion) => opinion.id));
    const missing = list.findIndex((id) => !known.has(id));
    if (missing >= 0)
      throw new PingyiError('NOT_FOUND', `no opinion with id ${list[missing]} in your bureau`, `${path}[${missing}]`);
    return found;
  }

  private async unitOf(
    campaignId: number,
    opinions: readonly Opinion[],
    given: string | null | undefined,
  ): Promise<string> {
    if (given !== null && given !== undefined) {
      const unitCode = checkCode(given, 'input.unitCode');
      if (!(await this.units.existsBy({ campaignId, code: unitCode })))
        throw new PingyiError('UNKNOWN_UNIT', `"${unitCode}" is not a unit of this campaign`, 'input.unitCode');
      return unitCode;
    }
    const units = new Set(opinions.map((opinion) => opinion.unitCode));
    if (units.size !== 1)
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `the opinions are about ${units.size} units (${[...units].join(', ')}); say which unit the problem is about`,
        'input.unitCode',
      );
    return [...units][0] as string;
  }
}
