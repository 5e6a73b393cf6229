import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isPingyiError, refusal } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { checkAt } from '../common/rethrow-at';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { assertUnitInScope, unitScopeOf } from '../common/scoping';
import { checkCode, checkList, checkText } from '../common/validation';
import { OrganizationService } from '../organization/organization.service';
import { keyedProblem, problemOf, type ProblemData, throwProblems } from '../common/problem-result';
import { CampaignIndicator } from './campaign-indicator.entity';
import { parseIndicatorCsv } from './indicator-csv';
import { checkIndicatorValue, type IndicatorDeclaration, parseIndicatorDeclarations } from './indicator-declaration';
import { IndicatorTable } from './indicator-table';
import { UnitIndicatorValue } from './unit-indicator-value.entity';
import { Transactions } from '../database/transactions';

/** Roles that read every unit's indicator values; a liaison reads their own unit's. */
export const INDICATORS_BUREAU_WIDE = [Role.admin, Role.office, Role.leader, Role.inspector] as const;

/** One value to set; `value: null` removes it. */
export interface IndicatorValueChange {
  readonly unitCode: unknown;
  readonly indicatorCode: unknown;
  readonly value: unknown;
}

/** What a write of values did. */
export interface IndicatorValuesSavedSummary {
  readonly saved: number;
  readonly removed: number;
}

type Accepted = { readonly unit: string; readonly indicator: string; readonly value: number | null };

const MAX_CHANGES = 20_000;
const CSV_MAX_CHARS = 2_000_000;

/**
 * Per-unit indicators of a campaign: the declarations (what is recorded) and
 * the values the office enters or imports. Writes are all-or-nothing and
 * report every problem (`INVALID_INDICATOR_VALUES` with `details.problems`).
 */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(CampaignIndicator) private readonly indicators: Repository<CampaignIndicator>,
    @InjectRepository(UnitIndicatorValue) private readonly values: Repository<UnitIndicatorValue>,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
  ) {}

  async declarations(ctx: RequestContext, campaignId: unknown): Promise<CampaignIndicator[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.declarationsOf(campaign.id);
  }

  /** The declarations of a campaign already checked to be the caller's. */
  declarationsOf(campaignId: number, manager?: EntityManager): Promise<CampaignIndicator[]> {
    return (manager?.getRepository(CampaignIndicator) ?? this.indicators).find({
      where: { campaignId },
      order: { sortOrder: 'ASC' },
    });
  }

  /**
   * Replaces the declarations (matched by code). A declaration whose values
   * are stored cannot be removed, nor narrowed so they fall outside (`IN_USE`).
   */
  async setDeclarations(
    ctx: RequestContext,
    campaignId: unknown,
    input: unknown,
    options: { manager?: EntityManager } = {},
  ): Promise<CampaignIndicator[]> {
    const declared = checkAt('', () => parseIndicatorDeclarations(input, 'indicators'), {
      INVALID_INDICATOR: 'INVALID_ARGUMENT',
    });
    const work = async (manager: EntityManager): Promise<CampaignIndicator[]> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      const existing = new Map((await this.declarationsOf(campaign.id, manager)).map((row) => [row.code, row]));
      const stored = await manager.find(UnitIndicatorValue, { where: { campaignId: campaign.id } });
      for (const row of existing.values()) {
        const uses = stored.filter((value) => value.indicatorCode === row.code);
        const next = declared.find((declaration) => declaration.code === row.code);
        if (!next && uses.length > 0)
          throw refusal(
            'IN_USE',
            'indicatorHasValues',
            { code: row.code, name: row.label, count: uses.length },
            'indicators',
          );
        const outside = next ? uses.filter((value) => !fits(next, value.value)) : [];
        if (outside.length > 0) {
          throw refusal(
            'IN_USE',
            'indicatorValuesOutside',
            {
              code: row.code,
              name: row.label,
              values: outside
                .slice(0, 5)
                .map((v) => `${v.unitCode}=${v.value}`)
                .join(', '),
            },
            'indicators',
          );
        }
      }
      const removed = [...existing.values()].filter(
        (row) => !declared.some((declaration) => declaration.code === row.code),
      );
      if (removed.length > 0)
        await manager.delete(
          CampaignIndicator,
          removed.map((row) => row.id),
        );
      await manager.save(
        declared.map((declaration, sortOrder) =>
          manager.create(CampaignIndicator, {
            ...(existing.has(declaration.code) ? { id: existing.get(declaration.code)?.id } : {}),
            bureauId: campaign.bureauId,
            campaignId: campaign.id,
            code: declaration.code,
            label: declaration.label,
            unit: declaration.unit ?? null,
            description: declaration.description ?? null,
            min: declaration.min ?? null,
            max: declaration.max ?? null,
            integer: declaration.integer === true,
            sortOrder,
          }),
        ),
      );
      return this.declarationsOf(campaign.id, manager);
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }

  /** Values of a campaign, by unit then indicator; a liaison reads their own unit's. */
  async list(
    ctx: RequestContext,
    campaignId: unknown,
    filter: { unitCode?: string | null; indicatorCode?: string | null } = {},
  ): Promise<UnitIndicatorValue[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const scope = unitScopeOf(ctx, INDICATORS_BUREAU_WIDE);
    const unitCode = filter.unitCode ? checkCode(filter.unitCode, 'filter.unitCode') : scope;
    if (unitCode !== null) assertUnitInScope(ctx, unitCode, INDICATORS_BUREAU_WIDE, 'filter.unitCode');
    const query = this.values
      .createQueryBuilder('value')
      .where('value.campaignId = :campaignId AND value.bureauId = :bureauId', {
        campaignId: campaign.id,
        bureauId: ctx.bureauId,
      });
    if (unitCode !== null) query.andWhere('value.unitCode = :unitCode', { unitCode });
    if (filter.indicatorCode)
      query.andWhere('value.indicatorCode = :indicatorCode', {
        indicatorCode: checkCode(filter.indicatorCode, 'filter.indicatorCode'),
      });
    return query.orderBy('value.unitCode', 'ASC').addOrderBy('value.indicatorCode', 'ASC').getMany();
  }

  /** Sets (or with `value: null`, removes) values; every bad entry is reported, nothing is written then. */
  async setValues(ctx: RequestContext, campaignId: unknown, changes: unknown): Promise<IndicatorValuesSavedSummary> {
    const list = checkList(changes, 'values', MAX_CHANGES, (raw) => (raw ?? {}) as IndicatorValueChange, 1);
    return this.transactions.run(async (manager) => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      const check = await this.checker(campaign, manager);
      const problems: ProblemData[] = [];
      const seen = new Set<string>();
      const accepted = list.flatMap((change, i): Accepted[] => {
        const at = `values[${i}]`;
        const unit = check.unit(change.unitCode, `${at}.unitCode`, problems);
        const indicator = check.indicator(change.indicatorCode, `${at}.indicatorCode`, problems);
        if (unit === null || indicator === null) return [];
        const key = `${indicator.code}\u0000${unit}`;
        if (seen.has(key)) {
          problems.push(keyedProblem(at, 'indicatorGivenTwice', { unit, indicator: indicator.code }));
          return [];
        }
        seen.add(key);
        if (change.value === null || change.value === undefined)
          return [{ unit, indicator: indicator.code, value: null }];
        const value = check.value(indicator, change.value, `${at}.value`, problems);
        return value === null ? [] : [{ unit, indicator: indicator.code, value }];
      });
      if (problems.length > 0) throwProblems('INVALID_INDICATOR_VALUES', 'no value was saved', problems);
      return this.write(manager, campaign, accepted);
    });
  }

  /**
   * Imports values from CSV (`unit,indicator,value`, or `unit,<indicator>,...`),
   * all or nothing: every bad line is reported with its number. Values not in
   * the file are kept.
   */
  async importCsv(ctx: RequestContext, campaignId: unknown, csv: unknown): Promise<IndicatorValuesSavedSummary> {
    const text = checkText(csv, 'csv', { max: CSV_MAX_CHARS, trim: false });
    const parsed = parseIndicatorCsv(text);
    return this.transactions.run(async (manager) => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      const check = await this.checker(campaign, manager);
      const problems: ProblemData[] = [...parsed.problems];
      const accepted = parsed.rows.flatMap((row): Accepted[] => {
        const at = `line ${row.line}`;
        const before = problems.length;
        const unit = check.unit(row.unit, at, problems);
        const indicator = check.indicator(row.indicator, at, problems);
        const value = indicator ? check.value(indicator, row.value, `${at}, ${indicator.code}`, problems) : null;
        for (const problem of problems.slice(before)) Object.assign(problem, { line: row.line });
        return unit !== null && indicator !== null && value !== null
          ? [{ unit, indicator: indicator.code, value }]
          : [];
      });
      if (problems.length > 0) {
        const sorted = problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        throwProblems('INVALID_INDICATOR_VALUES', 'nothing was imported', sorted);
      }
      return this.write(manager, campaign, accepted);
    });
  }

  /** The values of a campaign as a strategy reads them. */
  async tableOf(campaignId: number, manager?: EntityManager): Promise<IndicatorTable> {
    const rows = await (manager?.getRepository(UnitIndicatorValue) ?? this.values).find({ where: { campaignId } });
    return IndicatorTable.fromRows(
      rows.map((row) => ({ unit: row.unitCode, indicator: row.indicatorCode, value: row.value })),
    );
  }

  // Checks of one entry, each reporting into `problems` and returning null on a problem.
  private async checker(campaign: Campaign, manager: EntityManager) {
    const units = new Set((await this.organization.unitsOf(campaign.id, manager)).map((unit) => unit.code));
    const declarations = new Map(
      (await this.declarationsOf(campaign.id, manager)).map((row) => [row.code, toDeclaration(row)]),
    );
    const attempt = <T>(problems: ProblemData[], path: string, fn: () => T): T | null => {
      try {
        return fn();
      } catch (error) {
        if (!isPingyiError(error)) throw error;
        problems.push(problemOf(error, path));
        return null;
      }
    };
    return {
      unit: (raw: unknown, path: string, problems: ProblemData[]): string | null =>
        attempt(problems, path, () => {
          const code = checkCode(raw, path);
          if (!units.has(code))
            throw refusal('UNKNOWN_UNIT', 'unitNotInCampaign', { code, campaign: campaign.name }, path);
          return code;
        }),
      indicator: (raw: unknown, path: string, problems: ProblemData[]): IndicatorDeclaration | null =>
        attempt(problems, path, () => {
          const code = checkCode(raw, path);
          const declaration = declarations.get(code);
          if (!declaration) {
            const known = [...declarations.keys()].join(', ') || 'none; declare them first';
            throw refusal('UNKNOWN_INDICATOR', 'indicatorNotDeclared', { code, known }, path);
          }
          return declaration;
        }),
      value: (declaration: IndicatorDeclaration, raw: unknown, path: string, problems: ProblemData[]): number | null =>
        attempt(problems, path, () => checkIndicatorValue(declaration, raw, path)),
    };
  }

  private async write(
    manager: EntityManager,
    campaign: Campaign,
    entries: readonly Accepted[],
  ): Promise<IndicatorValuesSavedSummary> {
    const existing = new Map(
      (await manager.find(UnitIndicatorValue, { where: { campaignId: campaign.id } })).map((row) => [
        `${row.indicatorCode}\u0000${row.unitCode}`,
        row,
      ]),
    );
    const removedIds: number[] = [];
    const saved: UnitIndicatorValue[] = [];
    for (const entry of entries) {
      const row = existing.get(`${entry.indicator}\u0000${entry.unit}`);
      if (entry.value === null) {
        if (row) removedIds.push(row.id);
        continue;
      }
      saved.push(
        manager.create(UnitIndicatorValue, {
          ...(row ? { id: row.id } : {}),
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          unitCode: entry.unit,
          indicatorCode: entry.indicator,
          value: entry.value,
        }),
      );
    }
    if (removedIds.length > 0) await manager.delete(UnitIndicatorValue, removedIds);
    if (saved.length > 0) await manager.save(saved, { chunk: 200 });
    return { saved: saved.length, removed: removedIds.length };
  }
}

function toDeclaration(row: CampaignIndicator): IndicatorDeclaration {
  return {
    code: row.code,
    label: row.label,
    ...(row.unit ? { unit: row.unit } : {}),
    min: row.min,
    max: row.max,
    integer: row.integer,
  };
}

function fits(declaration: IndicatorDeclaration, value: number): boolean {
  try {
    checkIndicatorValue(declaration, value, '');
    return true;
  } catch {
    return false;
  }
}
