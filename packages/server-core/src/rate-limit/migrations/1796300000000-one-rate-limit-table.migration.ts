import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * One table for every rate-limit policy counted in the database
 * (`rate_limit`), in place of `login_throttle` and `code_guess_throttle`.
 * The counters in the old tables are dropped, not carried over: at worst a
 * client gets a fresh window of sign-in or code attempts once, which is
 * acceptable. `down` recreates the old tables empty, likewise.
 */
export class OneRateLimitTable1796300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit',
        columns: [
          { name: 'rate_key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'points', type: 'integer' },
          { name: 'expire_ms', type: 'bigint', isNullable: true },
        ],
      }),
    );
    await queryRunner.dropTable('login_throttle', true);
    await queryRunner.dropTable('code_guess_throttle', true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, count] of [
      ['login_throttle', 'failures'],
      ['code_guess_throttle', 'guesses'],
    ] as const) {
      await queryRunner.createTable(
        new Table({
          name,
          columns: [
            { name: 'throttle_key', type: 'varchar', length: '200', isPrimary: true },
            { name: count, type: 'integer' },
            { name: 'window_start_ms', type: 'bigint' },
          ],
        }),
      );
    }
    await queryRunner.dropTable('rate_limit');
  }
}
