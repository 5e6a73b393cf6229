import { Inject, Injectable } from '@nestjs/common';
import { isPingyiError, PingyiError } from '@pingyi/domain';
import {
  bottomTierCodes,
  consecutiveBottomUnits,
  describeStrategy,
  type ScoringPolicy,
  parsePolicy,
  Tally,
} from '@pingyi/scoring';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessCodeService } from '../access-code/access-code.service';
import { ParticipationService } from '../appraisal/participation.service';
import { PaperReconciliationService } from '../paper-ballot/paper-reconciliation.service';
import { type GroupResponse } from './dto/response.dto';
import { groupResponse, participationOf, unitResponse } from './response-rates';
import { ResultSnapshot } from './result-snapshot.entity';
import { checkPolicyCoversGroups, policyValue } from '../campaign/campaign-input';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { checkAt } from '../common/rethrow-at';
import { ScoringStrategies } from '../campaign/scoring-strategies.service';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { assertUnitInScope, unitScopeOf } from '../common/scoping';
import { checkCode } from '../common/validation';
import { type EntityManager } from 'typeorm';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { type Unit } from '../organization/unit.entity';
import { OrganizationService } from '../organization/organization.service';
import { StrategyRegistryProvider } from '../plugin/strategy-registry.provider';
import { type Breakdown, type ScoringStrategyInfo } from './dto/results.dto';
import { type CampaignStandings, type UnitStanding } from './dto/standings.dto';
import { suppressSmallCells, type Suppression } from './small-cells';
import { toUnitStanding } from './standing-view';
import { type CountedRow, TallyService } from './tally.service';

/** Standings computed now, with what the breakdown needs. */
export interface ComputedStandings {
  readonly policy: ScoringPolicy;
  readonly standings: UnitStanding[];
  readonly ratingCount: number;
  readonly rows: readonly CountedRow[];
  readonly units: readonly Unit[];
  readonly withheld: Map<string, Map<string, Suppression>>;
  /** Read now when the policy needs them or when asked (`withResponses`), else on first use. */
  readonly groupResponses: () => Promise<GroupResponse[]>;
  /** The previous campaign whose published results the consecutive-year mark read. */
  readonly previousYear: number | null;
}

/** Roles that read every unit's breakdown; a liaison reads their own unit's. */
export const BREAKDOWN_BUREAU_WIDE = [Role.admin, Role.office, Role.leader] as const;

/**
 * Results: the tally counted by the database, scored by the campaign's
 * strategy through `scoreTally`, shown with unit names and explanations;
 * the breakdown by evaluator group with small cells withheld.
 */
@Injectable()
export class StandingsService {
  constructor(
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
    private readonly tally: TallyService,
    private readonly strategies: ScoringStrategies,
    private readonly scoring: StrategyRegistryProvider,
    private readonly participation: ParticipationService,
    private readonly accessCodes: AccessCodeService,
    private readonly paper: PaperReconciliationService,
    @InjectRepository(ResultSnapshot) private readonly snapshots: Repository<ResultSnapshot>,
  ) {}

  get smallCellK(): number {
    return this.config.smallCellK;
  }

  /** The live standings of a campaign under its stored policy. */
  async standings(ctx: RequestContext, campaignId: unknown): Promise<CampaignStandings> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.view(campaign, await this.compute(campaign, campaign.policy));
  }

  /**
   * The current tally scored with an unsaved policy (the policy editor's
   * preview). A malformed policy, or one that does not fit the stored
   * ratings (a level or group missing), is `INVALID_POLICY` naming the field.
   */
  async preview(ctx: RequestContext, campaignId: unknown, policyJson: unknown): Promise<CampaignStandings> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const raw = policyValue({ json: policyJson }, 'policyJson');
    const policy = checkAt('policyJson', () => parsePolicy(raw, this.strategies.registry));
    checkPolicyCoversGroups(policy, campaign.evaluatorGroups, 'policyJson');
    return this.view(campaign, await this.compute(campaign, policy, { policyPath: 'policyJson' }));
  }

  /** Scores the campaign's current tally under `policy`. */
  async compute(
    campaign: Campaign,
    policy: ScoringPolicy,
    options: { policyPath?: string; manager?: EntityManager; withResponses?: boolean } = {},
  ): Promise<ComputedStandings> {
    const { policyPath, manager } = options;
    const units = await this.organization.unitsOf(campaign.id, manager);
    const rows = await this.tally.rows(campaign.id, manager);
    const groups = policy.groups ?? campaign.evaluatorGroups.map((group) => ({ code: group.code }));
    // appraised units nobody rated yet still appear (with no counted votes)
    const rated = new Set(rows.map((row) => row.unit));
    const firstGroup = groups[0]?.code;
    const firstLevel = policy.scale[0]?.code as string;
    const unrated = units
      .filter((unit) => unit.appraised && !rated.has(unit.code))
      .map((unit) => ({ unit: unit.code, ...(firstGroup ? { group: firstGroup } : {}), level: firstLevel, count: 0 }));
    let tally: Tally;
    try {
      tally = Tally.fromRows([...rows, ...unrated], { scale: policy.scale, groups });
    } catch (error) {
      if (policyPath && isPingyiError(error, 'INVALID_TALLY')) {
        throw new PingyiError(
          'INVALID_POLICY',
          `does not fit the stored ratings: ${error.message}`,
          `${policyPath}.scale`,
        );
      }
      throw error;
    }
    const knownSeries = new Map(campaign.series.map((series) => [series.code, series]));
    tally = tally.withSeries(
      new Map(
        units.map((unit) => [
          unit.code,
          unit.seriesCode !== null && knownSeries.has(unit.seriesCode) ? unit.seriesCode : null,
        ]),
      ),
    );
    // response rates read the ballot and code tables: only when the policy scores by them, or a caller asks
    let responses: Promise<GroupResponse[]> | undefined;
    const groupResponses = () => (responses ??= this.groupResponses(campaign, policy));
    const needed = (policy.minResponseRate ?? 0) > 0;
    if (needed || options.withResponses) await groupResponses();
    // plugin strategies read this campaign's indicators; a failure names the plugin
    const result = await this.scoring.score(
      campaign.id,
      tally,
      policy,
      manager,
      needed ? { participation: participationOf(await groupResponses()) } : {},
    );
    const previous = await this.previousPublished(campaign, manager);
    const consecutive = new Set(
      previous
        ? consecutiveBottomUnits(
            { policy, standings: result.standings },
            { policy: previous.policy, standings: previous.standings.map((s) => ({ unit: s.unitCode, tier: s.tier })) },
          )
        : [],
    );
    const bottom = new Set(bottomTierCodes(policy));
    const ratingsOf = new Map<string, number>();
    for (const row of rows) ratingsOf.set(row.unit, (ratingsOf.get(row.unit) ?? 0) + row.count);
    const withheld = this.withheldCells(campaign, rows);
    const names = new Map(units.map((unit) => [unit.code, unit.name]));
    const labels = new Map([
      ...campaign.evaluatorGroups.map((g) => [g.code, g.label] as const),
      ...(policy.groups ?? []).map((g) => [g.code, g.label] as const),
    ]);
    const standings = result.standings.map((standing) =>
      toUnitStanding(standing, {
        unitName: names.get(standing.unit) ?? null,
        policy,
        withheldGroups: [...(withheld.get(standing.unit)?.keys() ?? [])].map((code) => ({
          code,
          label: labels.get(code) ?? code,
        })),
        smallCellK: this.smallCellK,
        series: standing.series === null ? null : (knownSeries.get(standing.series) ?? null),
        response: async () => unitResponse(ratingsOf.get(standing.unit) ?? 0, await groupResponses(), policy.decimals),
        bottomTier: standing.tier !== null && bottom.has(standing.tier),
        consecutiveBottom: consecutive.has(standing.unit),
        groupLabels: labels,
      }),
    );
    return {
      policy,
      standings,
      ratingCount: rows.reduce((sum, row) => sum + row.count, 0),
      rows,
      units,
      withheld,
      groupResponses,
      previousYear: previous?.year ?? null,
    };
  }

  /** Response rate per evaluator group: participation, access codes and the paper reconciliation. */
  async groupResponses(campaign: Campaign, policy: ScoringPolicy): Promise<GroupResponse[]> {
    const [participation, codes, paper] = await Promise.all([
      this.participation.participationOf(campaign),
      this.accessCodes.summaryOf(campaign),
      this.paper.reconciliationOf(campaign),
    ]);
    return campaign.evaluatorGroups.map((group) => {
      const ballots = participation.groups.find((g) => g.code === group.code);
      const issued = codes.groups.find((g) => g.code === group.code);
      const sheets = paper.groups.find((g) => g.code === group.code);
      return groupResponse(
        {
          code: group.code,
          label: group.label,
          quota: group.quota,
          online: ballots?.online ?? 0,
          codesIssued: issued?.issued ?? 0,
          codesUsed: issued?.used ?? 0,
          paperDistributed: sheets?.slipsIssued ?? null,
          paperReceived: sheets?.returned ?? 0,
          ballots: ballots?.ballots ?? 0,
        },
        policy.decimals,
        policy.minResponseRate,
      );
    });
  }

  /** The previous campaign's latest published results, with its year; null when there are none. */
  private async previousPublished(
    campaign: Campaign,
    manager?: EntityManager,
  ): Promise<{ year: number; policy: ScoringPolicy; standings: UnitStanding[] } | null> {
    const previous = await this.campaigns.previousOfCampaign(campaign, manager);
    if (!previous) return null;
    const snapshot = await (manager?.getRepository(ResultSnapshot) ?? this.snapshots).findOne({
      where: { campaignId: previous.id },
      order: { publishedAt: 'DESC', id: 'DESC' },
    });
    return snapshot ? { year: previous.year, policy: snapshot.policy, standings: snapshot.standings } : null;
  }

  /** Ratings by unit and evaluator group; small cells withheld. A liaison reads their own unit only. */
  async breakdown(ctx: RequestContext, campaignId: unknown, unitCode?: string | null): Promise<Breakdown> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const scope = unitScopeOf(ctx, BREAKDOWN_BUREAU_WIDE);
    const wanted = unitCode === null || unitCode === undefined ? scope : checkCode(unitCode, 'unitCode');
    if (wanted !== null) assertUnitInScope(ctx, wanted, BREAKDOWN_BUREAU_WIDE, 'unitCode');
    const units = await this.organization.unitsOf(campaign.id);
    const rows = await this.tally.rows(campaign.id);
    const withheld = this.withheldCells(campaign, rows);
    const scale = campaign.policy.scale;
    const levelIndex = new Map(scale.map((level, i) => [level.code, i]));
    const cell = new Map<string, number[]>();
    for (const row of rows) {
      const key = `${row.unit}\u0000${row.group}`;
      const counts = cell.get(key) ?? scale.map(() => 0);
      const i = levelIndex.get(row.level);
      if (i !== undefined) counts[i] = (counts[i] ?? 0) + row.count;
      cell.set(key, counts);
    }
    const rated = new Set(rows.map((row) => row.unit));
    const order = [
      ...units.filter((unit) => unit.appraised || rated.has(unit.code)).map((unit) => unit.code),
      ...[...rated].filter((code) => !units.some((unit) => unit.code === code)).sort(),
    ];
    const names = new Map(units.map((unit) => [unit.code, unit.name]));
    return {
      campaignId: String(campaign.id),
      smallCellK: this.smallCellK,
      levels: scale.map(({ code, label, points }) => ({ code, label, points })),
      units: order
        .filter((code) => wanted === null || code === wanted)
        .map((code) => {
          const groups = campaign.evaluatorGroups.map((group) => {
            const counts = cell.get(`${code}\u0000${group.code}`) ?? scale.map(() => 0);
            const suppression = withheld.get(code)?.get(group.code) ?? null;
            return {
              groupCode: group.code,
              groupLabel: group.label,
              suppressed: suppression !== null,
              suppression,
              ballots: suppression ? null : counts.reduce((a, b) => a + b, 0),
              counts: suppression ? null : counts,
            };
          });
          const totals = scale.map((_, i) =>
            campaign.evaluatorGroups.reduce(
              (sum, group) => sum + (cell.get(`${code}\u0000${group.code}`)?.[i] ?? 0),
              0,
            ),
          );
          return {
            unitCode: code,
            unitName: names.get(code) ?? null,
            ballots: totals.reduce((a, b) => a + b, 0),
            counts: totals,
            groups,
          };
        }),
    };
  }

  /** The strategies policies may name, with their argument declarations (`describeStrategy`). */
  scoringStrategies(): ScoringStrategyInfo[] {
    return this.strategies.registry.list().map((strategy) => {
      const described = describeStrategy(strategy);
      return {
        code: described.code,
        labelZh: described.label.zh,
        labelEn: described.label.en,
        descriptionZh: described.description.zh,
        descriptionEn: described.description.en,
        argsJson: JSON.stringify(described.args),
        decidesTiers: described.decidesTiers,
        rangeMin: described.range?.min ?? null,
        rangeMax: described.range?.max ?? null,
      };
    });
  }

  view(campaign: Campaign, computed: ComputedStandings): CampaignStandings {
    return {
      campaignId: String(campaign.id),
      strategyCode: computed.policy.strategy.code,
      policyJson: JSON.stringify(computed.policy),
      ratingCount: computed.ratingCount,
      smallCellK: this.smallCellK,
      standings: computed.standings,
      rankWithin: computed.policy.rankWithin ?? 'all',
      series: campaign.series,
      pendingGroupResponses: computed.groupResponses,
      previousYear: computed.previousYear,
    };
  }

  private withheldCells(campaign: Campaign, rows: readonly CountedRow[]): Map<string, Map<string, Suppression>> {
    const sizes = new Map<string, { unit: string; group: string; ballots: number }>();
    for (const row of rows) {
      const key = `${row.unit}\u0000${row.group}`;
      const size = sizes.get(key) ?? { unit: row.unit, group: row.group, ballots: 0 };
      size.ballots += row.count;
      sizes.set(key, size);
    }
    return suppressSmallCells(
      [...sizes.values()],
      this.smallCellK,
      campaign.evaluatorGroups.map((group) => group.code),
    );
  }
}
