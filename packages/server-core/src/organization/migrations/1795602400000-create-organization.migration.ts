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

export class CreateOrganization1795602400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'unit',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'parent_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'appraised', type: 'boolean' },
          { name: 'sort_order', type: 'integer' },
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'code'] })],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leading_group_member',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'name', type: 'varchar', length: '100', isNullable: true },
          { name: 'position', type: 'varchar', length: '200' },
          { name: 'sort_order', type: 'integer' },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['campaign_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'appraisal_office_member',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'position', type: 'varchar', length: '200', isNullable: true },
          { name: 'duty', type: 'varchar', length: '500', isNullable: true },
          { name: 'sort_order', type: 'integer' },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['campaign_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_plan',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'filed_on', type: 'date' },
          { name: 'filed_by', type: 'varchar', length: '64' },
          { name: 'revision', type: 'integer' },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'unit_code'] })],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['unit_plan', 'appraisal_office_member', 'leading_group_member', 'unit'])
      await queryRunner.dropTable(table);
  }
}
