import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit } from '../audit/audit.decorator';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { CampaignIndicator } from './campaign-indicator.entity';
import {
  CampaignIndicatorInput,
  ImportUnitIndicatorsResult,
  SetCampaignIndicatorsResult,
  SetUnitIndicatorValuesResult,
  UnitIndicatorValueFilter,
  UnitIndicatorValueInput,
} from './dto/indicator.dto';
import { IndicatorService } from './indicator.service';
import { UnitIndicatorValue } from './unit-indicator-value.entity';

const EDITORS: [Role, ...Role[]] = [Role.office, Role.admin];

/**
 * Per-unit indicators. Declarations: every role reads, the office and admins
 * edit. Values: admin, office, leader and inspector read all, a liaison their
 * own unit's; the office and admins write and import.
 */
@Resolver()
export class IndicatorResolver {
  constructor(private readonly indicators: IndicatorService) {}

  @Query(() => [CampaignIndicator], { description: 'The indicators the campaign records per unit' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  campaignIndicators(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<CampaignIndicator[]> {
    return this.indicators.declarations(ctx, campaignId);
  }

  @Query(() => [UnitIndicatorValue], { description: "Indicator values by unit; a liaison sees their own unit's" })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  unitIndicatorValues(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('filter', { type: () => UnitIndicatorValueFilter, nullable: true }) filter?: UnitIndicatorValueFilter | null,
  ): Promise<UnitIndicatorValue[]> {
    return this.indicators.list(ctx, campaignId, filter ?? {});
  }

  @Mutation(() => SetCampaignIndicatorsResult.union, {
    description: 'Replaces the indicator declarations (matched by code)',
  })
  @Allow(...EDITORS)
  setCampaignIndicators(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('indicators', { type: () => [CampaignIndicatorInput] }) indicators: CampaignIndicatorInput[],
  ) {
    return SetCampaignIndicatorsResult.run(async () => ({
      items: await this.indicators.setDeclarations(ctx, campaignId, indicators),
    }));
  }

  @Mutation(() => SetUnitIndicatorValuesResult.union, {
    description: 'Sets values (null removes one); all or nothing, every problem reported',
  })
  @Allow(...EDITORS)
  setUnitIndicatorValues(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('values', { type: () => [UnitIndicatorValueInput] }) values: UnitIndicatorValueInput[],
  ) {
    return SetUnitIndicatorValuesResult.run(() => this.indicators.setValues(ctx, campaignId, values));
  }

  @Mutation(() => ImportUnitIndicatorsResult.union, {
    description:
      'Imports values from CSV (unit,indicator,value or unit,<indicator>,...); all or nothing, every bad line reported',
  })
  @Allow(...EDITORS)
  @Audit({ redact: ['csv'] })
  importUnitIndicators(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('csv', { type: () => String }) csv: string,
  ) {
    return ImportUnitIndicatorsResult.run(() => this.indicators.importCsv(ctx, campaignId, csv));
  }
}
