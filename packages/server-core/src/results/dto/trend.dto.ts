import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A unit's published result in one campaign of the bureau" })
export class UnitTrendPoint {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String)
  campaignName: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Null when the unit was not ranked (too few valid ballots) or not appraised',
  })
  score: number | null;

  @Field(() => Int, { nullable: true })
  rank: number | null;

  @Field(() => Int, { description: "Units in that campaign's published standings" })
  unitCount: number;

  @Field(() => Int, { description: "Decimals of that campaign's policy" })
  decimals: number;

  @Field(() => String, { nullable: true })
  tierLabel: string | null;
}

@ObjectType({ description: "A unit's published results over the bureau's campaigns, oldest first" })
export class UnitTrend {
  @Field(() => String)
  unitCode: string;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => [UnitTrendPoint], {
    description: 'One point per campaign with published results (its latest snapshot), at most the last 20 years',
  })
  points: UnitTrendPoint[];
}
