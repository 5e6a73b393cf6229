import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { CampaignOwnedRestrict } from '../database/owned-columns';
import { LocalDay } from '../database/record-columns';

/** How a ballot reached the office. */
export type BallotChannel = 'online' | 'paper';
export const BALLOT_CHANNELS: readonly BallotChannel[] = ['online', 'paper'];

/**
 * 评议表: one evaluator's anonymous sheet. Anonymity is part of correctness:
 * a random UUID id, the evaluator group and channel, and the day it was cast
 * (no finer time); nothing that names an access code, a user or a moment.
 */
@Entity('ballot')
@Index(['campaignId', 'evaluatorGroupCode'])
export class Ballot extends CampaignOwnedRestrict {
  /** Random UUID (crypto.randomUUID), not derived from anything. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Column({ type: 'varchar', length: 10 })
  channel: BallotChannel;

  /** The local day it was cast: a date, never a time. */
  @LocalDay()
  castOn: string;

  /** The paper batch it was imported with (paper import adds the batch table). */
  @Column({ type: 'integer', nullable: true })
  paperBatchId: number | null;

  // string target: the paper-ballot module builds on this one
  @ManyToOne('PaperBatch', { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'paper_batch_id' })
  paperBatch?: unknown;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
