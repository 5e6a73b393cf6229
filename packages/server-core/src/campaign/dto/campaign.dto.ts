import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { ReferenceCountResult } from '../../common/in-use-error';
import { PaginatedList } from '../../common/pagination';
import { NumberedText } from '../campaign-parts.types';
import { Campaign } from '../campaign.entity';
import { CampaignYearTakenError, InUseError, InvalidCalendarError, InvalidPolicyError } from '../campaign.errors';
import { CodeAndLabel } from '../../common/code-and-label';

@InputType({ description: "A phase; dates YYYY-MM-DD in the campaign's time zone, both inclusive" })
export class CampaignPhaseInput extends CodeAndLabel {
  @Field(() => String)
  start: string;

  @Field(() => String)
  end: string;
}

@InputType({ description: 'A numbered objective (工作目标) or work requirement (工作要求)' })
export class NumberedTextInput extends NumberedText {}

@InputType({ description: 'A series (序列/类别) of units' })
export class CampaignSeriesInput {
  @Field(() => String)
  code: string;

  @Field(() => String, { description: 'e.g. 行政执法监督类' })
  label: string;
}

@InputType({ description: 'An evaluator group; its weight is set in the policy (policy.groups)' })
export class EvaluatorGroupInput extends CodeAndLabel {
  @Field(() => Int)
  quota: number;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class CreateCampaignInput {
  @Field(() => Int, { description: 'The year the first phase starts' })
  year: number;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default Asia/Shanghai' })
  timeZone?: string | null;

  @Field(() => [CampaignPhaseInput], { description: 'In date order, no gap, no overlap' })
  phases: CampaignPhaseInput[];

  @Field(() => String)
  guidingPrinciple: string;

  @Field(() => [NumberedTextInput])
  objectives: NumberedTextInput[];

  @Field(() => [NumberedTextInput])
  requirements: NumberedTextInput[];

  @Field(() => [EvaluatorGroupInput])
  evaluatorGroups: EvaluatorGroupInput[];

  @Field(() => [CampaignSeriesInput], {
    nullable: true,
    description: 'Series (序列/类别) of units; default none (one series)',
  })
  series?: CampaignSeriesInput[] | null;

  @Field(() => String, { description: 'The scoring policy as JSON (CONTRACTS.md §1, version 1)' })
  policyJson: string;

  @Field(() => ID, { nullable: true, description: "Default: the bureau's campaign with the latest earlier year" })
  previousCampaignId?: string | null;
}

@InputType({ description: 'Only the fields given change; lists replace the whole list' })
export class UpdateCampaignInput {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => [CampaignPhaseInput], { nullable: true })
  phases?: CampaignPhaseInput[] | null;

  @Field(() => String, { nullable: true })
  guidingPrinciple?: string | null;

  @Field(() => [NumberedTextInput], { nullable: true })
  objectives?: NumberedTextInput[] | null;

  @Field(() => [NumberedTextInput], { nullable: true })
  requirements?: NumberedTextInput[] | null;

  @Field(() => [EvaluatorGroupInput], { nullable: true })
  evaluatorGroups?: EvaluatorGroupInput[] | null;

  @Field(() => String, { nullable: true })
  policyJson?: string | null;

  @Field(() => [CampaignSeriesInput], {
    nullable: true,
    description: 'Replaces the series; a series still holding units cannot be removed',
  })
  series?: CampaignSeriesInput[] | null;

  @Field(() => ID, { nullable: true, description: 'Give "0" to fall back to the bureau\'s latest earlier campaign' })
  previousCampaignId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why (at most 500 characters); required to change the scoring policy once appraisal has opened, or the voting window once it has closed. Kept in the audit log with the changes.',
  })
  reason?: string | null;
}

@InputType()
export class CampaignListFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Part of the name' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the archived campaigns only; default: the live ones' })
  archived?: boolean | null;
}

@ObjectType()
export class CampaignList extends PaginatedList(Campaign) {}

@ObjectType()
export class DeleteCampaignSuccess {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean, {
    description:
      'true when ballots or published results keep it: archived (read-only, hidden, its year free), not deleted',
  })
  archived: boolean;

  @Field(() => [ReferenceCountResult], {
    description: 'What keeps an archived campaign: ballot, resultSnapshot (kind → count)',
  })
  keptBy: ReferenceCountResult[];
}

@ObjectType()
export class RemoveDemoCampaignSuccess {
  @Field(() => ID)
  id: string;
}

const CAMPAIGN_ERRORS = [InvalidPolicyError, InvalidCalendarError, CampaignYearTakenError, NotFoundError, InUseError];
export const CreateCampaignResult = defineResultUnion('CreateCampaignResult', Campaign, CAMPAIGN_ERRORS);
export const UpdateCampaignResult = defineResultUnion('UpdateCampaignResult', Campaign, CAMPAIGN_ERRORS);
export const DeleteCampaignResult = defineResultUnion('DeleteCampaignResult', DeleteCampaignSuccess, [
  NotFoundError,
  InUseError,
]);
export const ArchiveCampaignResult = defineResultUnion('ArchiveCampaignResult', Campaign, [
  NotFoundError,
  CampaignYearTakenError,
]);
export const RemoveDemoCampaignResult = defineResultUnion('RemoveDemoCampaignResult', RemoveDemoCampaignSuccess, [
  NotFoundError,
]);
