import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import {
  bureauForeignKey,
  bureauIdColumn,
  campaignOfBureauForeignKey,
  column,
  createdAtColumn,
} from '../../database/migration-columns';

const cascadeTo = (columnName: string, table: string): TableForeignKey =>
  new TableForeignKey({
    columnNames: [columnName],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

// Scanned paper: a batch marked scanned, its uploaded scan files, the pages
// recognised (readings and the kept page image's name) and what waits for a
// person (doubtful rows, opinion boxes to transcribe).
export class CreatePaperScan1796700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'paper_batch',
      column({ name: 'scanned', type: 'boolean', default: booleanDefault(queryRunner, false) }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scan_upload',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'batch_id', type: 'integer' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'pages', type: 'integer', default: 0 },
          { name: 'sheet_pages', type: 'integer', default: 0 },
          { name: 'problems', type: 'text' },
          { name: 'heartbeat_ms', type: 'bigint', isNullable: true },
          { name: 'uploaded_by', type: 'varchar', length: '64', isNullable: true },
          { ...createdAtColumn(queryRunner), name: 'uploaded_at' },
        ],
        foreignKeys: [bureauForeignKey(), campaignOfBureauForeignKey(), cascadeTo('batch_id', 'paper_batch')],
        indices: [new TableIndex({ columnNames: ['batch_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scan_page',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'batch_id', type: 'integer' },
          { name: 'serial', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '1' },
          { name: 'page', type: 'integer' },
          { name: 'pages', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'readings', type: 'text' },
          { name: 'image', type: 'varchar', length: '64' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'page_in_file', type: 'integer' },
        ],
        foreignKeys: [bureauForeignKey(), campaignOfBureauForeignKey(), cascadeTo('batch_id', 'paper_batch')],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'serial', 'kind', 'page'] })],
        indices: [new TableIndex({ columnNames: ['batch_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scan_review',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'batch_id', type: 'integer' },
          { name: 'page_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'unit_index', type: 'integer' },
          { name: 'reason', type: 'varchar', length: '10', isNullable: true },
          { name: 'candidate', type: 'integer', isNullable: true },
          { name: 'decided', type: 'boolean', default: booleanDefault(queryRunner, false) },
          { name: 'decided_level', type: 'integer', isNullable: true },
          { name: 'text', type: 'text', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '64', isNullable: true },
        ],
        foreignKeys: [bureauForeignKey(), campaignOfBureauForeignKey(), cascadeTo('page_id', 'scan_page')],
        indices: [new TableIndex({ columnNames: ['batch_id', 'decided'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scan_review');
    await queryRunner.dropTable('scan_page');
    await queryRunner.dropTable('scan_upload');
    await queryRunner.dropColumn('paper_batch', 'scanned');
  }
}
