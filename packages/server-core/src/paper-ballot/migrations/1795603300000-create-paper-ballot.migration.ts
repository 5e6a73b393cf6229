import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

const campaignForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

// Paper batches, their keyed files (checksums, reports, the checked sheet in
// compact form until import) and the office's reconciliation figures.
export class CreatePaperBallot1795603300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'paper_batch',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'double_keyed', type: 'boolean' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'ballots', type: 'integer', default: 0 },
          { name: 'spoilt', type: 'integer', default: 0 },
          { name: 'group_counts', type: 'text', isNullable: true },
          { name: 'message', type: 'text', isNullable: true },
          createdAtColumn(queryRunner),
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
          dateTimeColumn(queryRunner, 'imported_at', { nullable: true }),
          { name: 'heartbeat_ms', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'code'] })],
        indices: [new TableIndex({ columnNames: ['state'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'paper_keying',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'batch_id', type: 'integer' },
          { name: 'keying', type: 'integer' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'format', type: 'varchar', length: '10' },
          { name: 'encoding', type: 'varchar', length: '20', isNullable: true },
          { name: 'checksum', type: 'varchar', length: '64' },
          { name: 'active_checksum', type: 'varchar', length: '64', isNullable: true },
          { name: 'size_bytes', type: 'integer' },
          { name: 'processed_bytes', type: 'integer', default: 0 },
          { name: 'rows', type: 'integer', default: 0 },
          { name: 'problem_count', type: 'integer', default: 0 },
          { name: 'report', type: 'text', isNullable: true },
          { name: 'sheet_meta', type: 'text', isNullable: true },
          { name: 'sheet_data', type: 'text', isNullable: true },
          { name: 'uploaded_by', type: 'varchar', length: '64', isNullable: true },
          { ...createdAtColumn(queryRunner), name: 'uploaded_at' },
          dateTimeColumn(queryRunner, 'finished_at', { nullable: true }),
        ],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['batch_id'],
            referencedTableName: 'paper_batch',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ['batch_id'] }),
          new TableIndex({ columnNames: ['campaign_id', 'active_checksum'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'paper_reconciliation',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'slips_issued', type: 'integer' },
          { name: 'spoilt_not_keyed', type: 'integer', default: 0 },
          { ...createdAtColumn(queryRunner), name: 'updated_at' },
          { name: 'updated_by', type: 'varchar', length: '64', isNullable: true },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('paper_reconciliation');
    await queryRunner.dropTable('paper_keying');
    await queryRunner.dropTable('paper_batch');
  }
}
