import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type SourceGap } from '@pingyi/domain';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';

/** The heading that groups work items (围绕社会稳定大局，着力解决治安热点难点). */
@ObjectType('Theme')
@Entity('theme')
@Unique(['campaignId', 'code'])
export class Theme extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

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
