import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Points counted per key (policy prefix and key, e.g. `pingyi:login-throttle:alice|10.0.0.1`)
 * until `expireMs`, for the policies shared through the database. Written with
 * raw upserts by {@link DatabaseRateLimiter}; the entity declares the table.
 */
@Entity('rate_limit')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  rateKey: string;

  @Column({ type: 'integer' })
  points: number;

  /** End of the window, epoch milliseconds; null: never. */
  @Column({ type: 'bigint', nullable: true })
  expireMs: string | null;
}
