import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Access-code guesses per client address in the current window: its own
 * counter, apart from the sign-in throttle. Written with raw upserts by
 * the guess store (code-guess-store.ts); the entity declares the table.
 */
@Entity('code_guess_throttle')
export class CodeGuessCounter {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  throttleKey: string;

  @Column({ type: 'integer' })
  guesses: number;

  /** Start of the counting window, epoch milliseconds. */
  @Column({ type: 'bigint' })
  windowStartMs: string;
}
