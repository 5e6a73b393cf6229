import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type LeadingGroupRole } from '@pingyi/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';

/** A seat of the leading group (领导小组): 组长, 副组长 or 成员. */
@ObjectType('LeadingGroupMember')
@Entity('leading_group_member')
@Index(['campaignId'])
export class LeadingGroupMember extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'leader (组长), deputyLeader (副组长) or member (成员)' })
  @Column({ type: 'varchar', length: 20 })
  role: LeadingGroupRole;

  @Field(() => String, { nullable: true, description: 'Absent when the plan names a body (其他党委委员)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Field(() => String, { description: 'Position or description, e.g. 市委常委、局长' })
  @Column({ type: 'varchar', length: 200 })
  position: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;
}
