import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { Campaign } from '../../campaign/campaign.entity';
import { CampaignYearTakenError } from '../../campaign/campaign.errors';
import { Problem } from '../../common/problem-result';
import { InvalidCampaignConfigError, UnknownTemplateError } from '../template.errors';
import { CodeAndLabel } from '../../common/code-and-label';

/** The file formats of a campaign configuration. */
export enum ConfigFileFormat {
  JSON = 'json',
  YAML = 'yaml',
}
registerEnumType(ConfigFileFormat, { name: 'CampaignConfigFormat', description: 'JSON or YAML' });

@ObjectType('CampaignTemplatePhase', {
  description: "A phase of a template: month-day dates relative to the campaign's year",
})
export class CampaignTemplatePhase extends CodeAndLabel {
  @Field(() => String, { description: 'MM-DD' })
  start: string;

  @Field(() => String, { description: 'MM-DD, inclusive' })
  end: string;

  @Field(() => Int, { description: '1 when the date falls in the following year' })
  startYearOffset: number;

  @Field(() => Int)
  endYearOffset: number;
}

@ObjectType('CampaignTemplate', { description: 'A whole campaign plan as data; create a campaign from it for a year' })
export class CampaignTemplateInfo extends CodeAndLabel {
  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The plugin that offers it; null for the built-in seed template',
  })
  plugin: string | null;

  @Field(() => String, { description: "The plan's title as printed" })
  title: string;

  @Field(() => [CampaignTemplatePhase])
  phases: CampaignTemplatePhase[];

  @Field(() => Int)
  unitCount: number;

  @Field(() => Int, { description: 'Units on the ballot' })
  appraisedUnitCount: number;

  @Field(() => Int)
  workItemCount: number;

  @Field(() => Int)
  evaluatorGroupCount: number;

  @Field(() => Int, { description: 'Σ quota of the evaluator groups' })
  totalQuota: number;

  @Field(() => String, { description: 'The scoring strategy its policy names' })
  strategyCode: string;

  @Field(() => [String], { description: 'Per-unit indicators a campaign made from it records' })
  indicators: string[];
}

@ObjectType('CampaignConfigFile', {
  description: "A campaign's configuration as a file (no ballots, opinions, codes, progress or values)",
})
export class CampaignConfigFileInfo {
  @Field(() => ConfigFileFormat)
  format: ConfigFileFormat;

  @Field(() => String, { description: 'A suggested file name, e.g. campaign-2026.yaml' })
  fileName: string;

  @Field(() => String)
  text: string;
}

@ObjectType('CampaignConfigCheck', { description: 'A configuration checked without importing it' })
export class CampaignConfigCheckInfo {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => [Problem])
  problems: Problem[];
}

export const CreateCampaignFromTemplateResult = defineResultUnion('CreateCampaignFromTemplateResult', Campaign, [
  InvalidCampaignConfigError,
  UnknownTemplateError,
  CampaignYearTakenError,
]);
export const ImportCampaignConfigResult = defineResultUnion('ImportCampaignConfigResult', Campaign, [
  InvalidCampaignConfigError,
  CampaignYearTakenError,
  NotFoundError,
]);
