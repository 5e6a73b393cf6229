import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { PrintRun, PrintSheetKind } from './print-run.entity';

/**
 * 已印制的表: one printed sheet, by its random serial (unique in the
 * campaign). Nothing records who was handed it.
 */
@Entity('printed_sheet')
@Unique(['campaignId', 'serial'])
@Index(['printRunId'])
export class PrintedSheet extends CampaignOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  serial: string;

  @Column({ type: 'integer' })
  printRunId: number;

  @ManyToOne(() => PrintRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'print_run_id' })
  printRun?: PrintRun;

  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @Column({ type: 'varchar', length: 10 })
  kind: PrintSheetKind;
}
