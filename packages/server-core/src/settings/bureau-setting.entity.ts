import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BureauKeyed } from '../database/owned-columns';

/** One bureau's setting (the public address its slips print), by key. */
@Entity('bureau_setting')
export class BureauSetting extends BureauKeyed {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
