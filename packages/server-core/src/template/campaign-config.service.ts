import { Injectable } from '@nestjs/common';
import { isPingyiError, PingyiError } from '@pingyi/domain';
import { DataSource } from 'typeorm';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { ScoringStrategies } from '../campaign/scoring-strategies.service';
import { type RequestContext } from '../common/request-context';
import { checkInt, checkOneOf, checkText } from '../common/validation';
import { IndicatorService } from '../indicator/indicator.service';
import { OrganizationService } from '../organization/organization.service';
import { PluginRegistry } from '../plugin/plugin-registry';
import { ThemeService } from '../work-plan/theme.service';
import { toDomainWorkItem } from '../work-plan/work-plan-access';
import { WorkItem } from '../work-plan/work-item.entity';
import { WorkItemService } from '../work-plan/work-item.service';
import {
  CAMPAIGN_CONFIG_FORMAT,
  CAMPAIGN_CONFIG_VERSION,
  type CampaignConfig,
  campaignConfigFromTemplate,
  moveCampaignConfig,
} from './campaign-config';
import { type CampaignConfigFormat, formatCampaignConfig, parseCampaignConfigText } from './campaign-config-text';
import { checkCampaignConfig, type CheckedCampaignConfig } from './check-campaign-config';
import { problemOf, type ProblemData, throwProblems } from '../common/problem-result';
import { findTemplateOrThrow } from './template-catalog';
import { Transactions } from '../database/transactions';

const MAX_TEXT = 4_000_000;
const FORMATS = ['json', 'yaml'] as const;
// Errors the API reports as such; anything else a service refuses while applying becomes a problem of the file.
const PASSED_ON = new Set(['CAMPAIGN_YEAR_TAKEN', 'NOT_FOUND', 'UNKNOWN_TEMPLATE', 'FORBIDDEN']);

/** A configuration as text, ready to download. */
export interface CampaignConfigFile {
  readonly format: CampaignConfigFormat;
  readonly fileName: string;
  readonly text: string;
}

/**
 * Campaign-as-code: create a campaign from a template, export a campaign's
 * configuration (never its ballots, opinions, codes, progress or values) as
 * JSON or YAML, and import one: checked first with every problem reported
 * (`INVALID_CAMPAIGN_CONFIG`, `details.problems`), then applied in one
 * transaction through the same services as the API.
 */
@Injectable()
export class CampaignConfigService {
  constructor(
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
    private readonly themes: ThemeService,
    private readonly workItems: WorkItemService,
    private readonly indicators: IndicatorService,
    private readonly strategies: ScoringStrategies,
    private readonly plugins: PluginRegistry,
  ) {}

  /** The configuration a template gives for a year, checked. */
  configFromTemplate(code: unknown, yearValue: unknown, name?: unknown): CheckedCampaignConfig {
    const templateCode = checkText(code, 'template', { max: 100 });
    const year = checkInt(yearValue, 'year', 2000, 2999);
    const campaignName = name === null || name === undefined ? undefined : checkText(name, 'name', { max: 200 });
    const { template } = findTemplateOrThrow(this.plugins, templateCode);
    let config: CampaignConfig;
    try {
      config = campaignConfigFromTemplate(template, year, campaignName);
    } catch (error) {
      if (!isPingyiError(error)) throw error;
      return throwProblems('INVALID_CAMPAIGN_CONFIG', `template ${templateCode} cannot be placed in ${year}`, [
        { ...problemOf(error, ''), path: `plan.${error.path ?? ''}` },
      ]);
    }
    return this.checkOrThrow(config, `template ${templateCode} for ${year}`);
  }

  /** Creates a campaign (with its organization, work plan and indicators) from a template. */
  createFromTemplate(ctx: RequestContext, code: unknown, year: unknown, name?: unknown): Promise<Campaign> {
    const checked = this.configFromTemplate(code, year, name);
    return this.apply(ctx, checked);
  }

  /** Checks configuration text without importing it: every problem, or none. */
  check(text: unknown, format: unknown): readonly ProblemData[] {
    try {
      this.read(text, format, undefined);
      return [];
    } catch (error) {
      if (isPingyiError(error, 'INVALID_CAMPAIGN_CONFIG'))
        return (
          (error.details?.problems as ProblemData[] | undefined) ?? [
            { path: error.path ?? '(file)', message: error.message },
          ]
        );
      throw error;
    }
  }

  /**
   * Imports configuration text as a new campaign of the caller's bureau,
   * moved to `year` when given (phase dates shift by whole years). All or
   * nothing.
   */
  importConfig(ctx: RequestContext, text: unknown, format: unknown, year?: unknown): Promise<Campaign> {
    return this.apply(ctx, this.read(text, format, year));
  }

  /** A campaign's configuration as a file. */
  async exportConfig(ctx: RequestContext, campaignId: unknown, formatValue: unknown): Promise<CampaignConfigFile> {
    const format = checkOneOf(formatValue ?? 'json', 'format', FORMATS);
    const config = await this.configOf(ctx, campaignId);
    const text = formatCampaignConfig(config, format);
    return { format, fileName: `campaign-${config.campaign.year}.${format === 'yaml' ? 'yaml' : 'json'}`, text };
  }

  /** A campaign's configuration as data. */
  async configOf(ctx: RequestContext, campaignId: unknown): Promise<CampaignConfig> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const [units, seats, office, themes, items, indicators] = await Promise.all([
      this.organization.unitsOf(campaign.id),
      this.organization.leadingGroup(ctx, campaign.id),
      this.organization.appraisalOffice(ctx, campaign.id),
      this.themes.list(ctx, campaign.id),
      this.dataSource.getRepository(WorkItem).find({
        where: { campaignId: campaign.id, bureauId: ctx.bureauId },
        relations: { theme: true, leadUnitLinks: { unit: true } },
      }),
      this.indicators.declarationsOf(campaign.id),
    ]);
    const workItems = items
      .sort((a, b) => a.theme.number - b.theme.number || a.number - b.number)
      .map((item) => {
        const { progress: _progress, updates: _updates, ...planned } = toDomainWorkItem(item);
        return planned;
      });
    return {
      format: CAMPAIGN_CONFIG_FORMAT,
      version: CAMPAIGN_CONFIG_VERSION,
      campaign: {
        year: campaign.year,
        name: campaign.name,
        timeZone: campaign.timeZone,
        phases: campaign.phases.map(({ code, label, start, end }) => ({ code, label, start, end })),
        guidingPrinciple: campaign.guidingPrinciple,
        objectives: campaign.objectives.map(({ number, title, text }) => ({ number, title, text })),
        requirements: campaign.requirements.map(({ number, title, text }) => ({ number, title, text })),
      },
      evaluatorGroups: campaign.evaluatorGroups.map(({ code, label, quota, description }) => ({
        code,
        label,
        quota,
        ...(description ? { description } : {}),
      })),
      policy: campaign.policy,
      ...(campaign.series.length > 0 ? { series: campaign.series.map(({ code, label }) => ({ code, label })) } : {}),
      units: units.map(({ code, name, parentCode, appraised, seriesCode }) => ({
        code,
        name,
        parentCode,
        appraised,
        ...(seriesCode ? { seriesCode } : {}),
      })),
      leadingGroup:
        seats.length === 0
          ? null
          : { seats: seats.map(({ role, name, position }) => ({ role, ...(name ? { name } : {}), position })) },
      appraisalOffice: office.map(({ name, position, duty }) => ({
        name,
        ...(position ? { position } : {}),
        ...(duty ? { duty } : {}),
      })),
      themes: themes.map(({ code, number, title, sourceGaps }) => ({
        code,
        number,
        title,
        ...(sourceGaps.length > 0 ? { sourceGaps } : {}),
      })),
      workItems,
      indicators: indicators.map(({ code, label, unit, description, min, max, integer }) => ({
        code,
        label,
        ...(unit ? { unit } : {}),
        ...(description ? { description } : {}),
        min,
        max,
        integer,
      })),
    };
  }

  private read(textValue: unknown, formatValue: unknown, yearValue: unknown): CheckedCampaignConfig {
    const text = checkText(textValue, 'text', { max: MAX_TEXT, trim: false });
    const format = checkOneOf(formatValue, 'format', FORMATS);
    const year = yearValue === null || yearValue === undefined ? undefined : checkInt(yearValue, 'year', 2000, 2999);
    let raw: unknown;
    try {
      raw = parseCampaignConfigText(text, format);
    } catch (error) {
      if (!isPingyiError(error, 'INVALID_CAMPAIGN_CONFIG')) throw error;
      return throwProblems(
        'INVALID_CAMPAIGN_CONFIG',
        `the ${format === 'yaml' ? 'YAML' : 'JSON'} cannot be read`,
        (error.details?.problems as ProblemData[] | undefined) ?? [],
      );
    }
    const checked = this.checkOrThrow(raw, 'the configuration');
    return year === undefined
      ? checked
      : this.checkOrThrow(moveCampaignConfig(checked.config, year), `the configuration moved to ${year}`);
  }

  private checkOrThrow(raw: unknown, what: string): CheckedCampaignConfig {
    const result = checkCampaignConfig(raw, this.strategies.registry);
    if (!result.ok)
      return throwProblems('INVALID_CAMPAIGN_CONFIG', `${what} has problems, nothing was created`, result.problems);
    return result.checked;
  }

  // One transaction through the services the API uses, so their rules apply too.
  private apply(ctx: RequestContext, { config }: CheckedCampaignConfig): Promise<Campaign> {
    return this.transactions.run(async (manager) => {
      const { campaign: fields } = config;
      const created = await this.step('campaign', () =>
        this.campaigns.create(
          ctx,
          {
            year: fields.year,
            name: fields.name,
            timeZone: fields.timeZone,
            phases: fields.phases.map((phase) => ({ ...phase })),
            guidingPrinciple: fields.guidingPrinciple,
            objectives: fields.objectives.map((objective) => ({ ...objective })),
            requirements: fields.requirements.map((requirement) => ({ ...requirement })),
            evaluatorGroups: config.evaluatorGroups.map((group) => ({
              ...group,
              description: group.description ?? null,
            })),
            policyJson: JSON.stringify(config.policy),
            series: (config.series ?? []).map((entry) => ({ ...entry })),
          },
          { manager },
        ),
      );
      const id = created.id;
      const units = config.units.map(({ code, name, parentCode, appraised, seriesCode }) => ({
        code,
        name,
        parentCode: parentCode ?? null,
        appraised,
        seriesCode: seriesCode ?? null,
      }));
      await this.step('units', () => this.organization.setUnits(ctx, id, units, { manager }));
      if (config.leadingGroup) {
        const seats = config.leadingGroup.seats.map((seat) => ({ ...seat, name: seat.name ?? null }));
        await this.step('leadingGroup', () => this.organization.setLeadingGroup(ctx, id, { seats }, { manager }));
      }
      if (config.appraisalOffice.length > 0)
        await this.step('appraisalOffice', () =>
          this.organization.setAppraisalOffice(ctx, id, config.appraisalOffice, { manager }),
        );
      const themes = config.themes.map((theme) => ({ ...theme, sourceGaps: [...(theme.sourceGaps ?? [])] }));
      await this.step('themes', () => this.themes.setThemes(ctx, id, themes, { manager }));
      for (const [i, item] of config.workItems.entries()) {
        const input = {
          themeCode: item.themeCode,
          number: item.number,
          title: item.title ?? null,
          text: item.text,
          elided: item.elided ?? false,
          sourceGaps: [...(item.sourceGaps ?? [])],
          leadUnitCodes: [...item.leadUnitCodes],
        };
        await this.step(`workItems[${i}]`, () => this.workItems.create(ctx, id, input, { manager }));
      }
      if (config.indicators.length > 0)
        await this.step('indicators', () => this.indicators.setDeclarations(ctx, id, config.indicators, { manager }));
      return this.campaigns.findOrThrow(ctx, id, 'id', manager);
    });
  }

  // Runs one part of the import; a refusal becomes a problem of that part (the transaction rolls back).
  private async step<T>(part: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isPingyiError(error) || PASSED_ON.has(error.code)) throw error;
      const inner = (error.path ?? '').replace(/^(input|units|themes|indicators|members)\.?/, '');
      const path = inner === '' ? part : inner.startsWith('[') ? `${part}${inner}` : `${part}.${inner}`;
      const problem = problemOf(error, path);
      throw new PingyiError('INVALID_CAMPAIGN_CONFIG', `${path}: ${problem.message}`, undefined, {
        problems: [{ ...problem, path }],
      });
    }
  }
}
