import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import { createdAtColumn, idColumn } from '../../database/migration-columns';

export class CreateBureau1795600000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'bureau',
        columns: [
          idColumn(),
          { name: 'code', type: 'varchar', length: '64', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'host', type: 'boolean', default: booleanDefault(queryRunner, false) },
          createdAtColumn(queryRunner),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('bureau');
  }
}
