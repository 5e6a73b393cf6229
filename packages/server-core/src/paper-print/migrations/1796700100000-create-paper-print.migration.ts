import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  campaignOfBureauForeignKey,
  createdAtColumn,
  idColumn,
} from '../../database/migration-columns';

// Printed sheets: the campaign's label key, print runs and the random serial
// of every sheet they printed.
export class CreatePaperPrint1796700100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'sheet_label_key',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'campaign_key', type: 'varchar', length: '8' },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [bureauForeignKey(), campaignOfBureauForeignKey()],
        uniques: [
          new TableUnique({ columnNames: ['campaign_id'] }),
          new TableUnique({ columnNames: ['campaign_key'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'print_run',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'group_index', type: 'integer' },
          { name: 'sheets', type: 'integer' },
          { name: 'pages_per_sheet', type: 'integer' },
          { name: 'layout', type: 'text' },
          createdAtColumn(queryRunner),
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
        ],
        foreignKeys: [
          bureauForeignKey(),
          campaignOfBureauForeignKey(),
          new TableForeignKey({
            columnNames: ['campaign_id', 'evaluator_group_code'],
            referencedTableName: 'evaluator_group',
            referencedColumnNames: ['campaign_id', 'code'],
            onDelete: 'NO ACTION',
            deferrable: 'INITIALLY DEFERRED',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'printed_sheet',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'serial', type: 'varchar', length: '10' },
          { name: 'print_run_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '10' },
        ],
        foreignKeys: [
          bureauForeignKey(),
          campaignOfBureauForeignKey(),
          new TableForeignKey({
            columnNames: ['print_run_id'],
            referencedTableName: 'print_run',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'serial'] })],
        indices: [new TableIndex({ columnNames: ['print_run_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('printed_sheet');
    await queryRunner.dropTable('print_run');
    await queryRunner.dropTable('sheet_label_key');
  }
}
