import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { PhaseClosedError } from '../../campaign/campaign.errors';
import { Opinion, OpinionStatus } from '../opinion.entity';
import { CodeAndLabel } from '../../common/code-and-label';

@InputType()
export class OpinionListFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => OpinionStatus, { nullable: true })
  status?: OpinionStatus | null;

  @Field(() => String, { nullable: true })
  evaluatorGroupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Words the text contains (at most 100 characters)' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Opinions the office tagged so' })
  tag?: string | null;
}

@ObjectType()
export class OpinionList extends PaginatedList(Opinion) {}

@ObjectType({ description: 'Ballots received from one evaluator group against its quota' })
export class GroupParticipation extends CodeAndLabel {
  @Field(() => Int)
  quota: number;

  @Field(() => Int)
  online: number;

  @Field(() => Int)
  paper: number;

  @Field(() => Int)
  ballots: number;

  @Field(() => Float, { description: 'ballots ÷ quota × 100, two decimals' })
  rate: number;
}

@ObjectType()
export class Participation {
  @Field(() => [GroupParticipation])
  groups: GroupParticipation[];

  @Field(() => Int)
  quota: number;

  @Field(() => Int)
  ballots: number;

  @Field(() => Int)
  opinions: number;
}

export const ReviewOpinionResult = defineResultUnion('ReviewOpinionResult', Opinion, [NotFoundError, PhaseClosedError]);
