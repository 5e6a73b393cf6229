import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PaperKeying } from './paper-keying.entity';
import { CampaignOwned } from '../database/owned-columns';
import { Instant, Actor, CreatedAt } from '../database/record-columns';

/** Where a paper batch stands. */
export enum PaperBatchState {
  /** Waiting for its keying (or, double-keyed, for one of its two keyings). */
  open = 'open',
  /** A keyed file is being read and checked. */
  validating = 'validating',
  /** The (single) keying had bad rows: nothing imported; upload a corrected file. */
  rejected = 'rejected',
  /** Both keyings are valid: compare them, resolve any mismatch, accept. */
  readyToAccept = 'readyToAccept',
  /** The ballots are being written, all in one transaction. */
  importing = 'importing',
  /** Every ballot of the batch is stored. */
  imported = 'imported',
  /** The server stopped during validation or import: nothing was stored; upload again. */
  interrupted = 'interrupted',
  /** Imported, then withdrawn by the office (the reason is its `message`): its ballots no longer count. */
  withdrawn = 'withdrawn',
}
registerEnumType(PaperBatchState, { name: 'PaperBatchState' });

/** Ballots and spoilt sheets of one evaluator group in a batch. */
export interface PaperGroupCount {
  readonly ballots: number;
  readonly spoilt: number;
}

/**
 * 纸质评议表批次: a stack of paper ballots keyed in (once, or twice by two
 * people and compared) and imported all or nothing. The ballots it imported
 * carry its id; they keep no row number or order of the file.
 */
@ObjectType('PaperBatch')
@Entity('paper_batch')
@Unique(['campaignId', 'code'])
@Index(['state'])
export class PaperBatch extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: "The office's label for the stack, unique in the campaign (e.g. 居民-03)" })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => Boolean, { description: 'Keyed twice by two people and compared before import' })
  @Column({ type: 'boolean' })
  doubleKeyed: boolean;

  @Field(() => Boolean, { description: 'Read from scanned sheets (POST /paper-batches/:id/scans), not keyed' })
  @Column({ type: 'boolean', default: false })
  scanned: boolean;

  @Field(() => PaperBatchState)
  @Column({ type: 'varchar', length: 20 })
  state: PaperBatchState;

  @Field(() => Int, { description: 'Ballots imported (valid sheets)' })
  @Column({ type: 'integer', default: 0 })
  ballots: number;

  @Field(() => Int, { description: 'Spoilt sheets (every cell blank or unreadable), counted, not imported' })
  @Column({ type: 'integer', default: 0 })
  spoilt: number;

  /** Per evaluator group code, once imported. */
  @Column({ type: 'simple-json', nullable: true })
  groupCounts: Record<string, PaperGroupCount> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last import stopped, when it did; for a withdrawn batch, why it was withdrawn',
  })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @CreatedAt()
  createdAt: Date;

  @Actor({ nullable: true })
  createdBy: string | null;

  @Instant({ nullable: true })
  importedAt: Date | null;

  /** Last sign of life of the worker validating or importing it (epoch ms). */
  @Column({ type: 'bigint', nullable: true })
  heartbeatMs: string | null;

  @OneToMany('PaperKeying', (keying: PaperKeying) => keying.batch)
  keyings?: PaperKeying[];
}
