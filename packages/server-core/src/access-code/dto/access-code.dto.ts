import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PhaseClosedError } from '../../campaign/campaign.errors';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { AccessCodeBatch } from '../access-code-batch.entity';
import { QuotaExceededError } from '../access-code.errors';
import { type SlipContext } from '../access-code-slips';
import { CodeAndLabel } from '../../common/code-and-label';

/**
 * The answer to `issueAccessCodes`: the plain codes, shown this once (they are
 * stored only as keyed hashes), with the printable slips and the printer's CSV.
 */
@ObjectType('IssuedAccessCodes', { description: 'Plain codes shown once; print the slips or take the CSV now' })
export class IssuedAccessCodes {
  @Field(() => AccessCodeBatch)
  batch: AccessCodeBatch;

  @Field(() => [String], { description: 'The codes as printed, in groups of four (XXXX-XXXX-XXXX-XX)' })
  codes: string[];

  /** What the slips say besides the code (not a GraphQL field). */
  slipContext: Omit<SlipContext, 'ballotUrl'>;
}

@ObjectType('AccessCodeGroupSummary', { description: 'Access codes of one evaluator group' })
export class AccessCodeGroupSummary extends CodeAndLabel {
  @Field(() => Int)
  quota: number;

  @Field(() => Int, { description: 'Codes that count against the quota: unused and used (revoked ones do not)' })
  issued: number;

  @Field(() => Int)
  used: number;

  @Field(() => Int)
  unused: number;

  @Field(() => Int)
  revoked: number;

  @Field(() => Int, { description: 'quota − issued' })
  remaining: number;
}

@ObjectType('AccessCodeSummary')
export class AccessCodeSummary {
  @Field(() => ID)
  campaignId: string;

  @Field(() => [AccessCodeGroupSummary], { description: 'In ballot order of the groups' })
  groups: AccessCodeGroupSummary[];
}

@ObjectType()
export class AccessCodeBatchList extends PaginatedList(AccessCodeBatch) {}

@InputType()
export class AccessCodeBatchFilter {
  @Field(() => String, { nullable: true })
  evaluatorGroupCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only revoked batches; false: only live ones' })
  revoked?: boolean | null;
}

export const IssueAccessCodesResult = defineResultUnion('IssueAccessCodesResult', IssuedAccessCodes, [
  QuotaExceededError,
  NotFoundError,
  PhaseClosedError,
]);
export const RevokeAccessCodeBatchResult = defineResultUnion('RevokeAccessCodeBatchResult', AccessCodeBatch, [
  NotFoundError,
]);
