import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RatingLevel } from '../../campaign/campaign-parts.types';
import { CodeAndLabel } from '../../common/code-and-label';

@ObjectType('PluginInfo', { description: 'A plugin this server runs (listed in its pingyi.config file)' })
export class PluginInfo {
  @Field(() => String, { description: 'npm package name' })
  name: string;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field(() => String, { description: 'The @pingyi/server-core versions it declares it works with' })
  compatibility: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String], { description: 'Codes of its scoring strategies' })
  strategies: string[];

  @Field(() => [String], { description: 'Codes of its campaign templates' })
  templates: string[];

  @Field(() => [String], { description: 'Codes of the per-unit indicators it declares' })
  indicators: string[];

  @Field(() => [String])
  scalePresets: string[];

  @Field(() => [String])
  groupPresets: string[];

  @Field(() => Boolean, { description: 'Brings its own module (tables, API)' })
  hasModule: boolean;
}

@ObjectType('ScalePreset', { description: "A rating scale to start a campaign's policy from" })
export class ScalePresetInfo extends CodeAndLabel {
  @Field(() => String, { nullable: true, description: 'The plugin that offers it; null for built-in' })
  plugin: string | null;

  @Field(() => [RatingLevel])
  levels: RatingLevel[];
}

@ObjectType('EvaluatorGroupPresetGroup')
export class EvaluatorGroupPresetGroup extends CodeAndLabel {
  @Field(() => Int)
  quota: number;

  @Field(() => Float, { nullable: true })
  weight: number | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('EvaluatorGroupPreset', {
  description: 'Evaluator groups with quotas (and weights) to start a campaign from',
})
export class EvaluatorGroupPresetInfo extends CodeAndLabel {
  @Field(() => String, { nullable: true, description: 'The plugin that offers it; null for built-in' })
  plugin: string | null;

  @Field(() => [EvaluatorGroupPresetGroup])
  groups: EvaluatorGroupPresetGroup[];
}

@ObjectType('IndicatorCatalogEntry', { description: 'A per-unit indicator a plugin declares, to add to a campaign' })
export class IndicatorCatalogEntry extends CodeAndLabel {
  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field(() => Boolean)
  integer: boolean;

  @Field(() => String)
  plugin: string;
}
