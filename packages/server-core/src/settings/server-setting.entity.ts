import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Deployment-wide key/value settings shared by every instance (the generated server secret). */
@Entity('server_setting')
export class ServerSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
