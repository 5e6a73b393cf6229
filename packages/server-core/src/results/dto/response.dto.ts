import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

// Participation that makes scores credible: response rates per evaluator group and per unit.

@ObjectType({ description: "An evaluator group's response rate (回收率): ballots received ÷ distributed" })
export class GroupResponse {
  @Field(() => String)
  groupCode: string;

  @Field(() => String)
  groupLabel: string;

  @Field(() => Int)
  quota: number;

  @Field(() => Int, { description: 'Ballots received: online ballots plus paper sheets returned (valid and spoilt)' })
  received: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Valid ballots counted: online ballots plus valid paper sheets; null in results published before 2026-12',
  })
  ballots: number | null;

  @Field(() => Int, {
    description:
      'Ballots distributed: codes issued plus paper sheets handed out (basis issued), or the quota (basis quota)',
  })
  distributed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "100 × received ÷ distributed, rounded half-up to the policy's decimals; null when nothing was distributed",
  })
  rate: number | null;

  @Field(() => String, {
    description:
      'issued: every channel that brought ballots has its distributed count; quota: it does not, so the quota stands in',
  })
  basis: string;

  @Field(() => Int)
  codesIssued: number;

  @Field(() => Int)
  codesUsed: number;

  @Field(() => Float, { nullable: true, description: '100 × codes used ÷ issued; null when none was issued' })
  codeRate: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Paper sheets handed out (paper reconciliation); null when not entered',
  })
  paperDistributed: number | null;

  @Field(() => Int, { description: 'Paper sheets returned (valid + spoilt)' })
  paperReceived: number;

  @Field(() => Float, {
    nullable: true,
    description: '100 × paper sheets returned ÷ handed out; null when not entered',
  })
  paperRate: number | null;

  @Field(() => Float, { nullable: true, description: "The policy's minimum response rate; null when it sets none" })
  minResponseRate: number | null;

  @Field(() => Boolean, {
    description: "False when the rate is below the policy's minimum: the group's votes are reported but not scored",
  })
  scored: boolean;
}

@ObjectType({ description: 'An evaluator group whose votes on the unit are reported but not scored' })
export class NotScoredGroup {
  @Field(() => String)
  groupCode: string;

  @Field(() => String)
  groupLabel: string;

  @Field(() => Float)
  responseRate: number;

  @Field(() => Float)
  minResponseRate: number;
}
