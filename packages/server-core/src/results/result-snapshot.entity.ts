import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type ScoringPolicy } from '@pingyi/scoring';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type GroupResponse } from './dto/response.dto';
import { UnitStanding } from './dto/standings.dto';
import { CampaignOwnedRestrict } from '../database/owned-columns';
import { Instant, Actor } from '../database/record-columns';

/**
 * Published results (公布评议结果): the standings and the policy that produced
 * them, frozen as JSON at publication. Later ballots, policy or unit edits
 * never change a snapshot; publishing again adds a new one.
 */
@ObjectType('ResultSnapshot')
@Entity('result_snapshot')
@Index(['campaignId', 'publishedAt'])
export class ResultSnapshot extends CampaignOwnedRestrict {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** The policy used, as stored on the campaign at publication. */
  @Column({ type: 'simple-json' })
  policy: ScoringPolicy;

  /** The standings as published (small cells already withheld from explanations). */
  @Field(() => [UnitStanding], { description: 'The standings as published, frozen' })
  @Column({ type: 'simple-json' })
  standings: UnitStanding[];

  /** Response rates per evaluator group at publication; null in results published before them. */
  @Column({ type: 'simple-json', nullable: true })
  groupResponses: GroupResponse[] | null;

  @Field(() => Int, { description: 'Ratings counted (all units, all levels)' })
  @Column({ type: 'integer' })
  ratingCount: number;

  @Field(() => Int, { description: 'The small-cell threshold k in force' })
  @Column({ type: 'integer' })
  smallCellK: number;

  @Instant()
  publishedAt: Date;

  @Actor({ description: 'Username of who published' })
  publishedBy: string;
}
