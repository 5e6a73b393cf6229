import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  isOverdue,
  localDateOf,
  PingyiError,
  RECTIFICATION_STATE_LABELS,
  RECTIFICATION_STATES,
  refusal,
} from '@pingyi/domain';
import { DataSource, In, Not } from 'typeorm';
import { OpinionStatus, Opinion } from '../appraisal/opinion.entity';
import { ParticipationService } from '../appraisal/participation.service';
import { Bureau } from '../bureau/bureau.entity';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { assertUnitInScope } from '../common/scoping';
import { checkCode, checkIsoDate } from '../common/validation';
import { OpinionProblemMember } from '../opinion-review/opinion-problem-member.entity';
import { OpinionProblem } from '../opinion-review/opinion-problem.entity';
import { RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { RectificationDashboardService } from '../rectification/rectification-dashboard.service';
import { RectificationItem } from '../rectification/rectification-item.entity';
import { toDomainItem } from '../rectification/rectification-mapper';
import { ComparisonService } from '../results/comparison.service';
import { PublicationService } from '../results/publication.service';
import { CriticismNotice } from '../supervision/criticism-notice.entity';
import { Inspection } from '../supervision/inspection.entity';
import { PolicyAction } from '../supervision/policy-action.entity';
import { type OfficialDocument } from './content/document-model';
import { feedbackLetter } from './content/feedback-letter';
import { rectificationReport } from './content/rectification-report';
import { type NoticeStanding, resultsNotice } from './content/results-notice';
import { noticeGroups } from './notice-groups';
import { assertDocumentSize, issuerOf } from './document-sources';
import { Unit } from '../organization/unit.entity';
import { groupReminderNotice } from './content/group-reminder';
import { EvaluatorGroupContact } from './group-contact.entity';
import { GroupContactsService } from './group-contacts.service';

/** Who reads the office's documents bureau-wide; a liaison reads their own unit's feedback letter. */
export const DOCUMENT_READERS = [Role.admin, Role.office, Role.leader] as const;

const KIND_LABELS: Readonly<Record<string, string>> = {
  add: '建立',
  revise: '修订',
  abolish: '废止',
  promote: '总结推广',
  open: '明查',
  covert: '暗访',
};
/** How long a unit has to answer its feedback letter when the office names no date (and the rectification phase has ended). */
const DEFAULT_RESPONSE_DAYS = 15;

/**
 * The content of the office's documents, gathered from the functions the
 * console reads: the published snapshot (frozen `standings`), `participation`,
 * `compareWithPrevious`, `opinionProblems`, `rectificationRate`. Rendering is
 * the renderers' (./render); this only says what the documents hold.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly publication: PublicationService,
    private readonly comparison: ComparisonService,
    private readonly participation: ParticipationService,
    private readonly rectification: RectificationCampaigns,
    private readonly dashboards: RectificationDashboardService,
    private readonly groups: GroupContactsService,
  ) {}

  async issuer(ctx: RequestContext): Promise<string> {
    const bureau = await this.dataSource.manager.findOneByOrFail(Bureau, { id: ctx.bureauId });
    return issuerOf(bureau.name);
  }

  today(campaign: Campaign): string {
    return localDateOf(this.rectification.now(), campaign.timeZone);
  }

  /**
   * 测评结果通报 of the campaign's latest published snapshot; `NOT_PUBLISHED` before the first.
   * Standings and each group's ballots are the snapshot's, as published: a paper batch withdrawn
   * afterwards changes neither.
   */
  async resultsNotice(ctx: RequestContext, campaignId: unknown): Promise<OfficialDocument> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const snapshot = await this.publication.latest(campaign.id);
    if (!snapshot) throw refusal('NOT_PUBLISHED', 'resultsNotPublished', { campaign: campaign.name }, 'campaignId');
    const [participation, comparison] = await Promise.all([
      this.participation.participation(ctx, campaign.id),
      this.comparison.compare(ctx, campaign.id),
    ]);
    return assertDocumentSize(
      resultsNotice({
        issuer: await this.issuer(ctx),
        campaignName: campaign.name,
        year: campaign.year,
        publishedOn: localDateOf(snapshot.publishedAt, campaign.timeZone),
        issuedOn: this.today(campaign),
        policy: snapshot.policy,
        // the frozen standings, exactly as `publishedResults` gives them (series, overallRank and rates when the policy has them)
        standings: snapshot.standings as NoticeStanding[],
        ratingCount: snapshot.ratingCount,
        groups: noticeGroups(snapshot.groupResponses, participation.groups),
        previous:
          comparison.previousYear !== null && comparison.note === null
            ? { year: comparison.previousYear, units: comparison.units }
            : null,
      }),
    );
  }

  /** 意见建议反馈函 to one unit: its merged problems and opinion counts; a liaison gets only their own unit's. */
  async feedbackLetter(
    ctx: RequestContext,
    campaignId: unknown,
    unitCode: unknown,
    deadline?: unknown,
  ): Promise<OfficialDocument> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const code = checkCode(unitCode, 'unitCode');
    assertUnitInScope(ctx, code, DOCUMENT_READERS, 'unitCode');
    const unit = await this.dataSource.manager.findOneBy(Unit, { campaignId: campaign.id, code });
    if (!unit)
      throw new PingyiError('UNKNOWN_UNIT', `"${code}" is not a unit of the campaign ${campaign.name}`, 'unitCode', {
        unit: code,
      });
    const today = this.today(campaign);
    const due =
      deadline === undefined || deadline === null || deadline === ''
        ? this.defaultDeadline(campaign, today)
        : checkIsoDate(deadline, 'deadline');
    if (due < today)
      throw refusal('INVALID_ARGUMENT', 'letterDeadlineBeforeToday', { deadline: due, today }, 'deadline');
    const problems = await this.dataSource.manager.find(OpinionProblem, {
      where: { bureauId: ctx.bureauId, campaignId: campaign.id, unitCode: code },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const counts =
      problems.length === 0
        ? []
        : await this.dataSource
            .getRepository(OpinionProblemMember)
            .createQueryBuilder('member')
            .select('member.problemId', 'problemId')
            .addSelect('COUNT(*)', 'count')
            .where('member.problemId IN (:...ids)', { ids: problems.map((problem) => problem.id) })
            .groupBy('member.problemId')
            .getRawMany<{ problemId: number | string; count: number | string }>();
    const countOf = (id: number) => Number(counts.find((row) => Number(row.problemId) === id)?.count ?? 0);
    const unmerged = await this.dataSource
      .getRepository(Opinion)
      .createQueryBuilder('opinion')
      .leftJoin(OpinionProblemMember, 'member', 'member.opinionId = opinion.id')
      .where('opinion.bureauId = :bureauId AND opinion.campaignId = :campaignId AND opinion.unitCode = :code', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
        code,
      })
      .andWhere('opinion.status IN (:...statuses)', { statuses: [OpinionStatus.pending, OpinionStatus.verified] })
      .andWhere('member.opinionId IS NULL')
      .getCount();
    return assertDocumentSize(
      feedbackLetter({
        issuer: await this.issuer(ctx),
        campaignName: campaign.name,
        year: campaign.year,
        unitName: unit.name,
        problems: problems.map((problem) => ({
          title: problem.title,
          description: problem.description,
          opinionCount: countOf(problem.id),
        })),
        unmergedOpinions: unmerged,
        deadline: due,
        issuedOn: today,
      }),
    );
  }

  /** The rectification phase's last day, or 15 days from today once it has passed. */
  private defaultDeadline(campaign: Campaign, today: string): string {
    const end = campaign.phases.find((phase) => phase.code === 'rectification')?.end;
    return end && end >= today ? end : addDays(today, DEFAULT_RESPONSE_DAYS);
  }

  /** 整改情况报告: items by state, the console's rates, listed supervision, look-backs, rules adopted, inspections, notices. */
  async rectificationReport(ctx: RequestContext, campaignId: unknown): Promise<OfficialDocument> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const manager = this.dataSource.manager;
    const scope = { bureauId: ctx.bureauId, campaignId: campaign.id };
    const [rate, dashboard, names, states, supervised, lookBacks, actions, inspections, notices] = await Promise.all([
      this.dashboards.rate(ctx, campaign.id),
      this.dashboards.dashboard(ctx, campaign.id),
      manager
        .find(Unit, { select: { code: true, name: true }, where: { campaignId: campaign.id } })
        .then((units) => new Map(units.map((u) => [u.code, u.name]))),
      manager
        .getRepository(RectificationItem)
        .createQueryBuilder('item')
        .select('item.state', 'state')
        .addSelect('COUNT(*)', 'count')
        .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', scope)
        .groupBy('item.state')
        .getRawMany<{ state: string; count: string | number }>(),
      manager.find(RectificationItem, { where: { ...scope, supervised: true }, order: { unitCode: 'ASC', id: 'ASC' } }),
      manager.find(RectificationItem, {
        where: { ...scope, lookBacks: Not(0) },
        order: { unitCode: 'ASC', id: 'ASC' },
      }),
      manager.find(PolicyAction, {
        where: { ...scope, state: In(['adopted']) },
        order: { adoptedOn: 'ASC', id: 'ASC' },
      }),
      manager.find(Inspection, { where: scope, relations: { findings: true }, order: { date: 'ASC', id: 'ASC' } }),
      manager.find(CriticismNotice, { where: scope, order: { issuedOn: 'ASC', id: 'ASC' } }),
    ]);
    const nameOf = (code: string | null) => (code === null ? '全局' : (names.get(code) ?? code));
    const label = (state: string) =>
      RECTIFICATION_STATE_LABELS[state as keyof typeof RECTIFICATION_STATE_LABELS] ?? state;
    const today = dashboard.today;
    const now = this.rectification.now();
    return assertDocumentSize(
      rectificationReport({
        issuer: await this.issuer(ctx),
        campaignName: campaign.name,
        year: campaign.year,
        today,
        byState: RECTIFICATION_STATES.map((state) => ({
          label: label(state),
          count: Number(states.find((row) => row.state === state)?.count ?? 0),
        })),
        overall: rate.overall,
        byUnit: rate.byUnit.map((unit) => ({ ...unit, unitName: nameOf(unit.unitCode) })),
        supervised: supervised.map((item) => ({
          title: item.title,
          unitName: nameOf(item.unitCode),
          leader: item.supervisingLeader,
          state: label(item.state),
          deadline: item.deadline,
          overdue: isOverdue(toDomainItem(item), now, campaign.timeZone),
        })),
        lookBacks: lookBacks.map((item) => ({
          title: item.title,
          unitName: nameOf(item.unitCode),
          lookBacks: item.lookBacks,
          rebounds: item.rebounds,
          state: label(item.state),
        })),
        policyActions: actions.map((action) => ({
          title: action.title,
          kind: KIND_LABELS[action.kind] ?? action.kind,
          unitName: nameOf(action.unitCode),
          adoptedOn: action.adoptedOn,
        })),
        inspections: inspections.map((inspection) => ({
          date: inspection.date,
          kind: KIND_LABELS[inspection.kind] ?? inspection.kind,
          unitName: nameOf(inspection.unitCode),
          findings: inspection.findings?.length ?? 0,
          summary: inspection.summary,
        })),
        notices: notices.map((notice) => ({
          issuedOn: notice.issuedOn,
          unitName: nameOf(notice.unitCode),
          title: notice.title,
        })),
      }),
    );
  }

  /** 催办通知 of a reminder sent: the group's count against its quota on that day, to its contacts. */
  async reminderNotice(ctx: RequestContext, reminderId: number): Promise<OfficialDocument> {
    const reminder = await this.groups.reminderOrThrow(ctx, reminderId);
    const campaign = await this.campaigns.findOrThrow(ctx, reminder.campaignId, 'id');
    const contacts = await this.dataSource.manager.find(EvaluatorGroupContact, {
      where: { campaignId: campaign.id, evaluatorGroupCode: reminder.evaluatorGroupCode },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return groupReminderNotice({
      issuer: await this.issuer(ctx),
      campaignName: campaign.name,
      groupLabel: reminder.groupLabel ?? reminder.evaluatorGroupCode,
      contacts: contacts.map((contact) => ({ name: contact.name, organization: contact.organization })),
      ballots: reminder.ballots,
      quota: reminder.quota,
      sentOn: reminder.sentOn,
      appraisalEnds: campaign.phases.find((phase) => phase.code === 'appraisal')?.end ?? null,
    });
  }
}
