import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { type PolicyActionKind, PolicyActionKindEnum, type PolicyActionState, PolicyActionStateEnum } from './supervision-enums';

/**
 * 建章立制: a rule to add, revise, abolish or promote as lasting practice,
 * linked to the rectification items that prompted it.
 */
@ObjectType('PolicyAction')
@Entity('policy_action')
@Index(['bureauId', 'campaignId', 'state'])
export class PolicyAction {
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
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Field(() => String, { nullable: true, description: 'The unit whose practice it is; none for the whole bureau' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  unitCode: string | null;

  @Field(() => PolicyActionKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: PolicyActionKind;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { description: 'The rule as written' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => PolicyActionStateEnum)
  @Column({ type: 'varchar', length: 16 })
  state: PolicyActionState;

  @Field(() => [ID], { description: 'Rectification items that prompted it' })
  @Column({ type: 'simple-json' })
  itemIds: number[];

  @Field(() => String, { nullable: true, description: 'Local date it was adopted' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  adoptedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => Date)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn()
  updatedAt: Date;
}
