import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { ScanPage } from './scan-page.entity';
import { Actor } from '../database/record-columns';

/** What waits for a person: a doubtful unit row, or an opinion box's handwriting to transcribe. */
export type ScanReviewKind = 'row' | 'opinion';

/**
 * A doubtful row of a scanned appraisal sheet (two marks, a faint mark, an
 * erasure) or a written opinion box, until a person decides it. Nothing
 * doubtful is counted before. The id is random: the queue keeps no scan order.
 */
@Entity('scan_review')
@Index(['batchId', 'decided'])
export class ScanReview extends CampaignOwned {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'integer' })
  batchId: number;

  @Column({ type: 'varchar', length: 36 })
  pageId: string;

  @ManyToOne(() => ScanPage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id' })
  scanPage?: ScanPage;

  @Column({ type: 'varchar', length: 10 })
  kind: ScanReviewKind;

  /** The unit's index in the campaign's order. */
  @Column({ type: 'integer' })
  unitIndex: number;

  /** For a row: double, faint or erasure. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  reason: string | null;

  /** For a row: the reader's best guess (level index), if any. */
  @Column({ type: 'integer', nullable: true })
  candidate: number | null;

  @Column({ type: 'boolean', default: false })
  decided: boolean;

  /** For a row: the level index decided, or null for blank (abstention). */
  @Column({ type: 'integer', nullable: true })
  decidedLevel: number | null;

  /** For an opinion box: the transcribed text ('' when nothing legible is written). */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Actor({ nullable: true })
  decidedBy: string | null;
}
