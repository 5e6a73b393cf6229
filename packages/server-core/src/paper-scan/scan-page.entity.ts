import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { PaperBatch } from '../paper-ballot/paper-batch.entity';

/** The kind of a scanned page: an appraisal sheet's (民主评议表) or an opinion form's (意见表). */
export type ScanPageKind = 'A' | 'O';

/** A row's reading as stored: blank (abstention), 1 + the level's index, or waiting for a person. */
export const ROW_BLANK = 0;
export const ROW_PENDING = -1;

/**
 * One recognised page of a scanned batch: its sheet serial and page, the
 * group its print run was for, the readings of its unit rows, and the page
 * image (rectified, grey) kept in the data folder for audit. A serial names
 * the paper, never a person; the id is random so rows keep no scan order.
 */
@Entity('scan_page')
@Unique(['campaignId', 'serial', 'kind', 'page'])
@Index(['batchId'])
export class ScanPage extends CampaignOwned {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'integer' })
  batchId: number;

  @ManyToOne(() => PaperBatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: PaperBatch;

  @Column({ type: 'varchar', length: 10 })
  serial: string;

  @Column({ type: 'varchar', length: 1 })
  kind: ScanPageKind;

  /** 1-based page of the sheet, and the sheet's pages. */
  @Column({ type: 'integer' })
  page: number;

  @Column({ type: 'integer' })
  pages: number;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  /** Per unit row of the page, in layout order: see {@link ROW_BLANK}, {@link ROW_PENDING}. Empty for an opinion form. */
  @Column({ type: 'simple-json' })
  readings: number[];

  /** The page image's file name in the batch's scan folder. */
  @Column({ type: 'varchar', length: 64 })
  image: string;

  /** The uploaded file it came from, and its page there (1-based), for the office to find the paper. */
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'integer' })
  pageInFile: number;
}
