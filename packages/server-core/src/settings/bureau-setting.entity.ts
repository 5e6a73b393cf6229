import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';

/** One bureau's setting (the public address its slips print), by key. */
@Entity('bureau_setting')
export class BureauSetting {
  @PrimaryColumn({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
