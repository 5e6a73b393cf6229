import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PaperBatch } from './paper-batch.entity';
import { CampaignOwned } from '../database/owned-columns';
import { Instant, Actor, CreatedAt } from '../database/record-columns';

/** Where one uploaded keying stands. */
export enum PaperKeyingState {
  validating = 'validating',
  valid = 'valid',
  invalid = 'invalid',
  interrupted = 'interrupted',
  /** Replaced by a later upload of the same keying. */
  superseded = 'superseded',
}
registerEnumType(PaperKeyingState, { name: 'PaperKeyingState' });

/**
 * One keyed-in file of a paper batch (the first or the second keying). While
 * the batch is open it keeps the checked sheet in compact form; the form is
 * dropped once the batch is imported. Its checksum refuses the same file twice.
 */
@ObjectType('PaperKeying')
@Entity('paper_keying')
@Index(['batchId'])
@Index(['campaignId', 'activeChecksum'], { unique: true })
@Index('IDX_paper_keying_content_hash', ['campaignId', 'contentHash'])
export class PaperKeying extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  batchId: number;

  @ManyToOne(() => PaperBatch, (batch) => batch.keyings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: PaperBatch;

  @Field(() => Int, { description: '1 (first keying) or 2 (second)' })
  @Column({ type: 'integer' })
  keying: number;

  @Field(() => PaperKeyingState)
  @Column({ type: 'varchar', length: 20 })
  state: PaperKeyingState;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Field(() => String, { description: 'csv or xlsx' })
  @Column({ type: 'varchar', length: 10 })
  format: string;

  @Field(() => String, { nullable: true, description: 'utf-8 or gb18030 for CSV' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  encoding: string | null;

  @Field(() => String, { description: 'SHA-256 of the file' })
  @Column({ type: 'varchar', length: 64 })
  checksum: string;

  /** The checksum while the keying counts (validating, valid, imported); null otherwise, so the file may come again. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  activeChecksum: string | null;

  /** SHA-256 of the checked sheet in canonical form (rows sorted, codes not labels): the same sheets keyed again have the same. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The batch whose sheets this keying deliberately repeats (allowRepeatOf)',
  })
  @Column({ type: 'integer', nullable: true })
  repeatOfBatchId: number | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sizeBytes: number;

  @Field(() => Int, { description: 'Bytes read so far (progress while validating)' })
  @Column({ type: 'integer', default: 0 })
  processedBytes: number;

  @Field(() => Int, { description: 'Ballot rows read so far' })
  @Column({ type: 'integer', default: 0 })
  rows: number;

  @Field(() => Int, { description: 'Bad rows and cells found (the report lists the first 500)' })
  @Column({ type: 'integer', default: 0 })
  problemCount: number;

  /** The problems as JSON (SheetProblem[]). */
  @Column({ type: 'text', nullable: true })
  report: string | null;

  @Column({ type: 'text', nullable: true })
  sheetMeta: string | null;

  @Column({ type: 'text', nullable: true })
  sheetData: string | null;

  @Actor({ nullable: true })
  uploadedBy: string | null;

  @CreatedAt()
  uploadedAt: Date;

  @Instant({ nullable: true })
  finishedAt: Date | null;
}
