import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per (username, client address) in the current window,
 * shared by every instance through the database (or Redis when configured).
 * Written with raw upserts by the throttle store; the entity declares the table.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  throttleKey: string;

  @Column({ type: 'integer' })
  failures: number;

  /** Start of the counting window, epoch milliseconds. */
  @Column({ type: 'bigint' })
  windowStartMs: string;
}
