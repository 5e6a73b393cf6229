import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { InUseError } from '../../campaign/campaign.errors';
import { defineProblemsError } from '../../common/problem-result';
import { CampaignIndicator } from '../campaign-indicator.entity';

@InputType({ description: 'An indicator a campaign records per unit' })
export class CampaignIndicatorInput {
  @Field(() => String, { description: 'Stable code strategies read, e.g. complaints' })
  code: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  integer?: boolean | null;
}

@InputType({ description: "One unit's value of one indicator; value null removes it" })
export class UnitIndicatorValueInput {
  @Field(() => String)
  unitCode: string;

  @Field(() => String)
  indicatorCode: string;

  @Field(() => Float, { nullable: true })
  value?: number | null;
}

@InputType()
export class UnitIndicatorValueFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => String, { nullable: true })
  indicatorCode?: string | null;
}

@ObjectType()
export class CampaignIndicatorList {
  @Field(() => [CampaignIndicator])
  items: CampaignIndicator[];
}

@ObjectType({ description: 'What a write of indicator values did' })
export class IndicatorValuesSaved {
  @Field(() => Int, { description: 'Values written (new or changed)' })
  saved: number;

  @Field(() => Int, { description: 'Values removed' })
  removed: number;
}

export const InvalidIndicatorValuesError = defineProblemsError(
  'INVALID_INDICATOR_VALUES',
  'InvalidIndicatorValuesError',
  'Some values cannot be saved (unknown unit or indicator, not a number, out of bounds, repeated, bad CSV line); problems lists every one; nothing was saved',
);

export const SetCampaignIndicatorsResult = defineResultUnion('SetCampaignIndicatorsResult', CampaignIndicatorList, [
  NotFoundError,
  InUseError,
]);
export const SetUnitIndicatorValuesResult = defineResultUnion('SetUnitIndicatorValuesResult', IndicatorValuesSaved, [
  InvalidIndicatorValuesError,
  NotFoundError,
]);
export const ImportUnitIndicatorsResult = defineResultUnion('ImportUnitIndicatorsResult', IndicatorValuesSaved, [
  InvalidIndicatorValuesError,
  NotFoundError,
]);
