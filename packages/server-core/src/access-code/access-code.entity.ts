import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccessCodeBatch } from './access-code-batch.entity';
import { GroupOfCampaign } from '../database/references';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { CampaignOwned } from '../database/owned-columns';
import { LocalDay } from '../database/record-columns';

/** Where an access code stands. */
export type AccessCodeState = 'unused' | 'used' | 'revoked';
export const ACCESS_CODE_STATES: readonly AccessCodeState[] = ['unused', 'used', 'revoked'];

/**
 * 评议码: one code, stored only as HMAC-SHA256 under the server secret (the
 * plain code is never stored). Redeeming it sets `state = 'used'` and the
 * local day, no finer time; nothing here or in the ballot tables links the
 * code to the ballot it cast. Not exposed over GraphQL.
 */
@Entity('access_code')
@Index(['campaignId', 'evaluatorGroupCode', 'state'])
@Index(['batchId'])
export class AccessCode extends CampaignOwned {
  /** Issuance order only: codes are numbered when issued, never when used. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  batchId: number;

  @ManyToOne(() => AccessCodeBatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: AccessCodeBatch;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  /** Hex HMAC-SHA256 of the normalized code (purpose `access-code`). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'varchar', length: 10, default: 'unused' })
  state: AccessCodeState;

  /** The local day the code was redeemed: a date, never a time. */
  @LocalDay({ nullable: true })
  usedOn: string | null;
}
