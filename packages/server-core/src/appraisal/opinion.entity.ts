import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { UnitOwned } from '../database/owned-columns';
import { LocalDay } from '../database/record-columns';

/** Where the office's review of an opinion stands. */
export enum OpinionStatus {
  pending = 'pending',
  verified = 'verified',
  notActionable = 'notActionable',
  duplicate = 'duplicate',
  /** Merged into a rectification item (set by opening the item, not by a review). */
  merged = 'merged',
}
registerEnumType(OpinionStatus, {
  name: 'OpinionStatus',
  description: 'pending, verified, notActionable, duplicate, or merged (into a rectification item, which says so)',
});

/** The statuses a reviewer sets; `merged` comes from opening a rectification item with the opinion as its source. */
export const REVIEW_STATUSES: readonly OpinionStatus[] = [
  OpinionStatus.pending,
  OpinionStatus.verified,
  OpinionStatus.notActionable,
  OpinionStatus.duplicate,
];

/**
 * 意见表: anonymous free text about one unit. Stored apart from ballots and not
 * linked to them (a random id, the group and the day received only), so an
 * opinion cannot be joined back to the ratings given with it.
 */
@ObjectType('Opinion')
@Entity('opinion')
@Index(['campaignId', 'unitCode'])
@Index(['campaignId', 'status'])
export class Opinion extends UnitOwned {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @Field(() => OpinionStatus)
  @Column({ type: 'varchar', length: 20, default: OpinionStatus.pending })
  status: OpinionStatus;

  @LocalDay({ description: 'Local day it was received' })
  receivedOn: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
