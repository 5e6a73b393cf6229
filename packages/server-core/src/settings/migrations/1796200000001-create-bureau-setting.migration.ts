import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bureauForeignKey } from '../../database/migration-columns';

// Settings per bureau (the public address of its ballot page).
export class CreateBureauSetting1796200000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'bureau_setting',
        columns: [
          { name: 'bureau_id', type: 'integer', isPrimary: true },
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
        ],
        foreignKeys: [bureauForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('bureau_setting');
  }
}
