import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';

/**
 * 评议对象类别: a group of evaluators with its ballot quota. Ballots and
 * ratings carry the group's code. Weights belong to the scoring policy
 * (`policy.groups`); `weight` shows the policy's value.
 */
@ObjectType('EvaluatorGroup')
@Entity('evaluator_group')
@Unique(['campaignId', 'code'])
export class EvaluatorGroup extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Field(() => Int, { description: 'Ballots (access codes) planned for the group' })
  @Column({ type: 'integer' })
  quota: number;

  @Field(() => String, { nullable: true, description: 'Who belongs to the group, as the plan words it' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;

  /** Filled from the campaign's policy when loaded (not a column). */
  @Field(() => Float, {
    nullable: true,
    description: "The policy's weight for the group (policy.groups), or null when the policy lists no groups",
  })
  weight?: number | null;
}
