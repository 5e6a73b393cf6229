import { Injectable } from '@nestjs/common';
import {
  applyProgressUpdate,
  instantiatePlan,
  type LocalDate,
  SEED_PLAN,
  type WorkItem as DomainWorkItem,
} from '@pingyi/domain';
import { type EntityManager } from 'typeorm';
import { BallotStorageService } from '../appraisal/ballot-storage.service';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { Bulletin, BulletinStatus } from '../bulletin/bulletin.entity';
import { BulletinService } from '../bulletin/bulletin.service';
import { type RequestContext } from '../common/request-context';
import { OrganizationService } from '../organization/organization.service';
import { UnitPlan } from '../organization/unit-plan.entity';
import { PublicationService } from '../results/publication.service';
import { ThemeService } from '../work-plan/theme.service';
import { toDomainWorkItem } from '../work-plan/work-plan-access';
import { WorkItem } from '../work-plan/work-item.entity';
import { WorkItemService } from '../work-plan/work-item.service';
import { WorkItemUpdate } from '../work-plan/work-item-update.entity';
import { generateDemoBallots } from './demo-ballots';
import { generateDemoOpinions } from './demo-opinions';
import {
  ABSTAIN_OVERRIDES,
  DEMO_OFFICE,
  DEMO_OPINIONS,
  demoCampaignInput,
  demoYear,
  GROUP_BEHAVIOUR,
  phaseOf,
  UNIT_PROFILES,
} from './demo-plan';
import { DemoRandom } from './demo-random';
import { Transactions } from '../database/transactions';

/** What the demo loaded. */
export interface DemoSummary {
  readonly year: number;
  readonly campaignId: number;
  readonly previousCampaignId: number;
  readonly ballots: number;
  readonly opinions: number;
}

const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);

/**
 * Loads the demo, all in one transaction, through the same services (and so
 * the same domain checks) as the API: last year's campaign with its ballots
 * and published results, and this year's campaign with the seed's plan,
 * organization, work items, progress, unit plans, bulletins, ballots and
 * opinions. Writes that the calendar would refuse today (filing plans in
 * mobilization, reporting progress in implementation) are recorded as of
 * their past dates, still checked by the domain's rules.
 */
@Injectable()
export class DemoLoaderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
    private readonly themes: ThemeService,
    private readonly workItems: WorkItemService,
    private readonly bulletins: BulletinService,
    private readonly ballots: BallotStorageService,
    private readonly publication: PublicationService,
  ) {}

  load(
    ctx: RequestContext,
    today: LocalDate,
    extra: (manager: EntityManager) => Promise<void> = async () => undefined,
  ): Promise<DemoSummary> {
    const year = demoYear(today);
    return this.transactions.run(async (manager) => {
      const previous = await this.loadCampaign(manager, ctx, year - 1, today, 'previous');
      await this.publication.freeze(ctx, previous.campaign, new Date(`${year - 1}-11-20T02:00:00Z`), manager);
      const current = await this.loadCampaign(manager, ctx, year, today, 'current');
      await this.loadPlanAndProgress(manager, ctx, current.campaign, today);
      await extra(manager);
      return {
        year,
        campaignId: current.campaign.id,
        previousCampaignId: previous.campaign.id,
        ballots: current.ballots,
        opinions: current.opinions,
      };
    });
  }

  private async loadCampaign(
    manager: EntityManager,
    ctx: RequestContext,
    year: number,
    today: LocalDate,
    which: 'current' | 'previous',
  ) {
    const setup = instantiatePlan(SEED_PLAN, year);
    const created = await this.campaigns.create(ctx, demoCampaignInput(setup), { manager, isDemo: true });
    const units = setup.unitTree.units.map(({ code, name, parentCode, appraised }) => ({
      code,
      name,
      parentCode: parentCode ?? null,
      appraised,
    }));
    await this.organization.setUnits(ctx, created.id, units, { manager });
    await this.organization.setLeadingGroup(
      ctx,
      created.id,
      { seats: setup.leadingGroup.seats.map((seat) => ({ ...seat, name: seat.name ?? null })) },
      { manager },
    );
    const campaign = await this.campaigns.findOrThrow(ctx, created.id, 'campaignId', manager);
    const appraisal = phaseOf(setup, 'appraisal');
    const to = minDate(appraisal.end, today);
    const seed = year * 31 + (which === 'current' ? 7 : 3);
    const ballots = generateDemoBallots({
      seed,
      groups: setup.evaluatorGroups.map((group) => ({
        code: group.code,
        quota: group.quota,
        ...(GROUP_BEHAVIOUR[group.code] ?? { turnout: 0.9, paper: 0.3, harshness: 0 }),
      })),
      units: setup.appraisedUnitCodes.map((code) => ({
        code,
        profile: UNIT_PROFILES[which][code] ?? [0.3, 0.3, 0.2, 0.1, 0.05, 0.05],
      })),
      levels: setup.scale.map((level) => level.code),
      from: appraisal.start,
      to,
      abstain: 0.04,
      abstainOverrides: ABSTAIN_OVERRIDES,
    });
    await this.ballots.storeBallots(manager, campaign, ballots);
    const opinions = generateDemoOpinions({
      seed: seed + 1,
      count: DEMO_OPINIONS,
      units: setup.appraisedUnitCodes.map((code) => {
        const profile = UNIT_PROFILES[which][code] ?? [];
        return { code, weight: 1 + 20 * ((profile[3] ?? 0) + (profile[4] ?? 0)) };
      }),
      groups: setup.evaluatorGroups,
      from: appraisal.start,
      to,
    });
    await this.ballots.storeOpinions(manager, campaign, opinions);
    return { campaign, ballots: ballots.length, opinions: opinions.length };
  }

  private async loadPlanAndProgress(
    manager: EntityManager,
    ctx: RequestContext,
    campaign: Campaign,
    today: LocalDate,
  ): Promise<void> {
    const setup = instantiatePlan(SEED_PLAN, campaign.year);
    await this.organization.setAppraisalOffice(ctx, campaign.id, DEMO_OFFICE, { manager });
    await this.themes.setThemes(
      ctx,
      campaign.id,
      setup.themes.map((theme) => ({ ...theme, sourceGaps: [...(theme.sourceGaps ?? [])] })),
      { manager },
    );
    const random = new DemoRandom(campaign.year);
    const implementation = phaseOf(setup, 'implementation');
    const reportDays = ['07-31', '09-15', '10-12']
      .map((day) => `${campaign.year}-${day}`)
      .filter((day) => day >= implementation.start && day <= minDate(implementation.end, today));
    for (const planned of setup.workItems) {
      const item = await this.workItems.create(
        ctx,
        campaign.id,
        {
          themeCode: planned.themeCode,
          number: planned.number,
          title: planned.title ?? null,
          text: planned.text,
          elided: planned.elided ?? false,
          sourceGaps: [...(planned.sourceGaps ?? [])],
          leadUnitCodes: [...planned.leadUnitCodes],
        },
        { manager },
      );
      // progress reported on past days of implementation, checked by the domain's progress rules
      let domainItem: DomainWorkItem = toDomainWorkItem(item);
      let progress = 0;
      for (const [i, date] of reportDays.entries()) {
        progress = i === reportDays.length - 1 ? 85 + random.below(16) : Math.min(progress + 20 + random.below(30), 80);
        const unitCode = planned.leadUnitCodes[0];
        domainItem = applyProgressUpdate(
          domainItem,
          { date, progress, ...(unitCode ? { unitCode } : {}) },
          { now: new Date(`${date}T12:00:00+08:00`), timeZone: campaign.timeZone },
        );
        await manager.insert(WorkItemUpdate, {
          bureauId: campaign.bureauId,
          workItemId: item.id,
          date,
          progress,
          note: null,
          unitCode: unitCode ?? null,
          reportedBy: ctx.userOrThrow.username,
        });
      }
      await manager.update(WorkItem, { id: item.id }, { progress: domainItem.progress });
    }
    // each unit's own plan, filed during mobilization
    const mobilization = phaseOf(setup, 'mobilization');
    const plans = setup.unitTree.units
      .filter((unit) => unit.parentCode)
      .map((unit, i) => ({
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        unitCode: unit.code,
        title: `${unit.name}${campaign.year}年度民主评议机关工作方案`,
        body: `按照市局实施方案，${unit.name}成立民主评议机关工作领导小组，明确专人负责，结合本单位实际制定具体工作措施，主动接受评议，抓好整改落实。（演示数据）`,
        filedOn: minDate(`${campaign.year}-06-${String(24 + (i % 6)).padStart(2, '0')}`, mobilization.end),
        filedBy: ctx.userOrThrow.username,
        revision: 1,
      }));
    await manager.insert(UnitPlan, plans);
    // bulletins to the city appraisal office
    const sent = [
      {
        title: '全市公安机关召开民主评议机关工作动员部署会议',
        body: '市局召开民主评议机关工作会议，对新一轮民主评议工作进行动员部署，成立领导小组和办公室。（演示数据）',
        at: `${campaign.year}-06-20T09:00:00+08:00`,
      },
      {
        title: '重点工作推进情况（第一期）',
        body: '各牵头单位按照实施方案推进重点工作，交警支队开展“排堵保畅攻坚年”活动。（演示数据）',
        at: `${campaign.year}-08-31T16:00:00+08:00`,
      },
      {
        title: '接受评议阶段工作动态',
        body: '评议表和意见表已发放，各类评议对象踊跃参评。（演示数据）',
        at: `${campaign.year}-10-25T10:00:00+08:00`,
      },
    ];
    for (const bulletin of sent) {
      const draft = await this.bulletins.create(
        ctx,
        campaign.id,
        { title: bulletin.title, body: bulletin.body },
        { manager },
      );
      await manager.update(
        Bulletin,
        { id: draft.id },
        { status: BulletinStatus.sent, sentAt: new Date(bulletin.at), sentBy: ctx.userOrThrow.username },
      );
    }
    await this.bulletins.create(
      ctx,
      campaign.id,
      { title: '整改提高阶段工作安排（草稿）', body: '对群众反映的问题逐项立项、限时定人整改。（演示数据）' },
      { manager },
    );
  }
}
