import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit } from '../audit/audit.decorator';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { toProblem } from '../common/problem-result';
import { PluginRegistry } from '../plugin/plugin-registry';
import { CampaignConfigService } from './campaign-config.service';
import { templatePolicy } from '../plugin/campaign-template';
import {
  CampaignConfigCheckInfo,
  CampaignConfigFileInfo,
  CampaignTemplateInfo,
  ConfigFileFormat,
  CreateCampaignFromTemplateResult,
  ImportCampaignConfigResult,
} from './dto/template.dto';
import { ScoringStrategies } from '../campaign/scoring-strategies.service';
import { listTemplates } from './template-catalog';

const EDITORS: [Role, ...Role[]] = [Role.office, Role.admin];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Campaign templates and campaign-as-code: the office and admins. */
@Resolver()
@Allow(...EDITORS)
export class TemplateResolver {
  constructor(
    private readonly configs: CampaignConfigService,
    private readonly plugins: PluginRegistry,
    private readonly strategies: ScoringStrategies,
  ) {}

  @Query(() => [CampaignTemplateInfo], {
    description: "Templates to create a campaign from: the built-in seed, then the plugins'",
  })
  campaignTemplates(): CampaignTemplateInfo[] {
    return listTemplates(this.plugins).map(({ template, plugin }) => {
      const { plan } = template;
      return {
        code: template.code,
        label: template.label,
        description: template.description ?? null,
        plugin,
        title: plan.title,
        phases: plan.phases.map((phase) => ({
          code: phase.code,
          label: phase.label,
          start: `${pad(phase.start.month)}-${pad(phase.start.day)}`,
          end: `${pad(phase.end.month)}-${pad(phase.end.day)}`,
          startYearOffset: phase.start.yearOffset ?? 0,
          endYearOffset: phase.end.yearOffset ?? 0,
        })),
        unitCount: plan.units.length,
        appraisedUnitCount: plan.units.filter((unit) => unit.appraised).length,
        workItemCount: plan.workItems.length,
        evaluatorGroupCount: plan.evaluatorGroups.length,
        totalQuota: plan.evaluatorGroups.reduce((sum, group) => sum + group.quota, 0),
        strategyCode: templatePolicy(template, this.strategies.registry).strategy.code,
        indicators: (template.indicators ?? []).map((indicator) => indicator.code),
      };
    });
  }

  @Mutation(() => CreateCampaignFromTemplateResult.union, {
    description:
      'Creates a campaign of your bureau from a template for a year, with its units, work plan and indicators',
  })
  createCampaignFromTemplate(
    @Ctx() ctx: RequestContext,
    @Args('template', { type: () => String }) template: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
  ) {
    return CreateCampaignFromTemplateResult.run(() => this.configs.createFromTemplate(ctx, template, year, name));
  }

  @Query(() => CampaignConfigFileInfo, {
    description:
      "A campaign's configuration as JSON or YAML: never its ballots, opinions, codes, progress or indicator values",
  })
  exportCampaignConfig(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('format', { type: () => ConfigFileFormat, nullable: true }) format?: ConfigFileFormat | null,
  ): Promise<CampaignConfigFileInfo> {
    return this.configs.exportConfig(
      ctx,
      campaignId,
      format ?? ConfigFileFormat.JSON,
    ) as Promise<CampaignConfigFileInfo>;
  }

  @Query(() => CampaignConfigCheckInfo, {
    description: 'Checks a configuration file without importing it; lists every problem',
  })
  checkCampaignConfig(
    @Args('text', { type: () => String }) text: string,
    @Args('format', { type: () => ConfigFileFormat }) format: ConfigFileFormat,
  ): CampaignConfigCheckInfo {
    const problems = this.configs.check(text, format);
    return {
      ok: problems.length === 0,
      problems: problems.map(toProblem),
    };
  }

  @Mutation(() => ImportCampaignConfigResult.union, {
    description:
      'Creates a campaign of your bureau from a configuration file (moved to year when given); all or nothing, every problem reported',
  })
  @Audit({ redact: ['text'] })
  importCampaignConfig(
    @Ctx() ctx: RequestContext,
    @Args('text', { type: () => String }) text: string,
    @Args('format', { type: () => ConfigFileFormat }) format: ConfigFileFormat,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ) {
    return ImportCampaignConfigResult.run(() => this.configs.importConfig(ctx, text, format, year));
  }
}
