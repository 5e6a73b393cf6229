import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class CreateLoginThrottle1795600000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'throttle_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'window_start_ms', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_throttle');
  }
}
