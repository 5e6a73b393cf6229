import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Opinion } from '../../appraisal/opinion.entity';
import { PhaseClosedError, UnknownUnitError } from '../../campaign/campaign.errors';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { OpinionProblem } from '../opinion-problem.entity';
import { AlreadyMergedError } from '../opinion-review.errors';

@ObjectType('ReviewOpinionsSuccess')
export class ReviewOpinionsSuccess {
  @Field(() => Int, { description: 'Opinions whose status (or tags) were set' })
  updated: number;

  @Field(() => [Opinion])
  opinions: Opinion[];
}

@InputType('MergeOpinionsInput')
export class MergeOpinionsInput {
  @Field(() => [String], { description: 'The opinions to merge (ids); all of one campaign' })
  opinionIds: string[];

  @Field(() => String, { nullable: true, description: "A new problem's title; leave out to add to `problemId`" })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The unit of the new problem; default the opinions' unit when they share one",
  })
  unitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Add the opinions to this existing problem instead' })
  problemId?: string | null;
}

@ObjectType('OpinionProblemDetail', { description: 'A problem with its merged opinions' })
export class OpinionProblemDetail {
  @Field(() => OpinionProblem)
  problem: OpinionProblem;

  @Field(() => [String], {
    description: 'Ids of the merged opinions: cite them as sources (type opinion) of a rectification item',
  })
  opinionIds: string[];

  @Field(() => [Opinion])
  opinions: Opinion[];
}

@ObjectType()
export class OpinionProblemList extends PaginatedList(OpinionProblem) {}

@InputType()
export class OpinionProblemFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;
}

export const ReviewOpinionsResult = defineResultUnion('ReviewOpinionsResult', ReviewOpinionsSuccess, [
  NotFoundError,
  PhaseClosedError,
]);
export const MergeOpinionsResult = defineResultUnion('MergeOpinionsResult', OpinionProblemDetail, [
  NotFoundError,
  PhaseClosedError,
  AlreadyMergedError,
  UnknownUnitError,
]);
export const UnmergeOpinionResult = defineResultUnion('UnmergeOpinionResult', OpinionProblemDetail, [
  NotFoundError,
  PhaseClosedError,
]);
export const TagOpinionsResult = defineResultUnion('TagOpinionsResult', ReviewOpinionsSuccess, [
  NotFoundError,
  PhaseClosedError,
]);
