import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { Instant, Actor, CreatedAt, UpdatedAt } from '../database/record-columns';

export enum BulletinStatus {
  draft = 'draft',
  sent = 'sent',
}
registerEnumType(BulletinStatus, {
  name: 'BulletinStatus',
  description: 'draft (editable, office only) or sent (frozen, visible to all)',
});

/** The recipient the seed names: 市评议办公室 (the city appraisal office). */
export const DEFAULT_BULLETIN_RECIPIENT = '市评议办公室';

/** 工作信息: progress news the appraisal office reports to the city appraisal office. */
@ObjectType('Bulletin')
@Entity('bulletin')
@Index(['campaignId', 'status'])
export class Bulletin extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  recipient: string;

  @Field(() => BulletinStatus)
  @Column({ type: 'varchar', length: 10 })
  status: BulletinStatus;

  @Instant({ nullable: true })
  sentAt: Date | null;

  @Actor({ nullable: true })
  sentBy: string | null;

  @Actor()
  createdBy: string;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
