import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

const campaignForeignKey = () =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
const localDate = (name: string, nullable = false) => ({ name, type: 'varchar', length: '10', isNullable: nullable });

/** Policy actions (建章立制), inspections (明查暗访) and findings, criticism notices (通报批评), accountability (责任追究). */
export class CreateSupervision1795603500600 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'policy_action',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'text', type: 'text' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'item_ids', type: 'text' },
          localDate('adopted_on', true),
          { name: 'withdrawn_reason', type: 'text', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'state'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          localDate('date'),
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'focus_areas', type: 'text' },
          { name: 'summary', type: 'text' },
          { name: 'inspectors', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'unit_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection_finding',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'inspection_id', type: 'integer' },
          { name: 'focus_area', type: 'varchar', length: '32' },
          { name: 'text', type: 'text' },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['inspection_id'],
            referencedTableName: 'inspection',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['inspection_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'criticism_notice',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'text', type: 'text' },
          localDate('issued_on'),
          { name: 'issued_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'inspection_id', type: 'integer', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [
          bureauForeignKey(),
          campaignForeignKey(),
          new TableForeignKey({
            columnNames: ['inspection_id'],
            referencedTableName: 'inspection',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'unit_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'accountability_record',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'person', type: 'varchar', length: '100' },
          { name: 'measure', type: 'text' },
          localDate('decided_on'),
          { name: 'notice_id', type: 'integer', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [
          bureauForeignKey(),
          campaignForeignKey(),
          new TableForeignKey({
            columnNames: ['notice_id'],
            referencedTableName: 'criticism_notice',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'unit_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('accountability_record');
    await queryRunner.dropTable('criticism_notice');
    await queryRunner.dropTable('inspection_finding');
    await queryRunner.dropTable('inspection');
    await queryRunner.dropTable('policy_action');
  }
}
