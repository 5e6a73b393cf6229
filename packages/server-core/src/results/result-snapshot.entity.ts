import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type ScoringPolicy } from '@pingyi/scoring';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { UnitStanding } from './dto/standings.dto';
import { CampaignOfBureau } from '../database/references';

/**
 * Published results (公布评议结果): the standings and the policy that produced
 * them, frozen as JSON at publication. Later ballots, policy or unit edits
 * never change a snapshot; publishing again adds a new one.
 */
@ObjectType('ResultSnapshot')
@Entity('result_snapshot')
@Index(['campaignId', 'publishedAt'])
export class ResultSnapshot {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

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
