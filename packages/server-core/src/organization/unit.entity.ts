import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignOfBureau } from '../database/references';

/**
 * A unit (单位) of a campaign's tree: 交警支队, 法制处... Codes are unique per
 * campaign and stable from year to year (a liaison's `unitCode` names the
 * unit in every campaign); ratings, opinions and unit plans carry the code.
 */
@ObjectType('Unit')
@Entity('unit')
@Unique(['campaignId', 'code'])
export class Unit {
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

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @CampaignOfBureau()
  campaign?: Campaign;

  @Field(() => String, { description: 'Stable code, e.g. traffic-police' })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => String, { description: 'e.g. 交警支队' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  parentCode: string | null;

  @Field(() => Boolean, { description: 'Rated on the ballot' })
  @Column({ type: 'boolean' })
  appraised: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;
}
