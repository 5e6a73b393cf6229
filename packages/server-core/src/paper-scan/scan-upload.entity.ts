import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { PaperBatch } from '../paper-ballot/paper-batch.entity';
import { Actor, CreatedAt } from '../database/record-columns';

/** A problem of a scanned file or one of its pages, as reported to the office. */
export interface ScanProblemRecord {
  readonly file: string;
  /** 1-based page in the file; null for the file as a whole. */
  readonly page: number | null;
  readonly code: string;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly serial: string | null;
}

/** Where an uploaded scan file stands. */
export type ScanUploadState = 'reading' | 'read' | 'failed';

/** One uploaded scan file of a batch: its reading's progress and problems (the file itself is removed once read). */
@Entity('scan_upload')
@Index(['batchId'])
export class ScanUpload extends CampaignOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  batchId: number;

  @ManyToOne(() => PaperBatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: PaperBatch;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 10 })
  state: ScanUploadState;

  /** Pages read so far, and those recognised as sheets. */
  @Column({ type: 'integer', default: 0 })
  pages: number;

  @Column({ type: 'integer', default: 0 })
  sheetPages: number;

  @Column({ type: 'simple-json' })
  problems: ScanProblemRecord[];

  /** Last sign of life of its reader (epoch ms). */
  @Column({ type: 'bigint', nullable: true })
  heartbeatMs: string | null;

  @Actor({ nullable: true })
  uploadedBy: string | null;

  @CreatedAt()
  uploadedAt: Date;
}
