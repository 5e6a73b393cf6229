import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type SourceGap } from '@pingyi/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignOfBureau } from '../database/references';

/** The heading that groups work items (围绕社会稳定大局，着力解决治安热点难点). */
@ObjectType('Theme')
@Entity('theme')
@Unique(['campaignId', 'code'])
export class Theme {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @CampaignOfBureau()
  campaign?: Campaign;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => Int, { description: 'The number as printed' })
  @Column({ type: 'integer' })
  number: number;

  @Field(() => String, { description: 'Empty when the source lost it (sourceGaps has "title")' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => [String], { description: 'Parts the source document lost: title, text, leadUnits, number' })
  @Column({ type: 'simple-json' })
  sourceGaps: SourceGap[];
}
