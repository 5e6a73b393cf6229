import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type ScoringPolicy } from '@pingyi/scoring';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';
import { type GroupResponse } from './dto/response.dto';
import { UnitStanding } from './dto/standings.dto';
import { CampaignOfBureau } from '../database/references';
import { BureauOwned } from '../database/owned-columns';

/**
 * Published results (公布评议结果): the standings and the policy that produced
 * them, frozen as JSON at publication. Later ballots, policy or unit edits
 * never change a snapshot; publishing again adds a new one.
 */
@ObjectType('ResultSnapshot')
@Entity('result_snapshot')
@Index(['campaignId', 'publishedAt'])
export class ResultSnapshot extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @CampaignOfBureau()
  campaign?: Campaign;

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

  @Field(() => Date)
  @Column({ type: Date })
  publishedAt: Date;

  @Field(() => String, { description: 'Username of who published' })
  @Column({ type: 'varchar', length: 64 })
  publishedBy: string;
}
