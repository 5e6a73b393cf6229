import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import { bureauForeignKey, bureauIdColumn, dateTimeColumn, idColumn } from '../../database/migration-columns';

const campaignForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** Per-unit indicators: a campaign's declarations and the units' values. */
export class CreateIndicators1795603470700 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaign_indicator',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'label', type: 'varchar', length: '100' },
          { name: 'unit', type: 'varchar', length: '20', isNullable: true },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'min', type: 'varchar', length: '40', isNullable: true },
          { name: 'max', type: 'varchar', length: '40', isNullable: true },
          { name: 'integer', type: 'boolean', default: booleanDefault(queryRunner, false) },
          { name: 'sort_order', type: 'integer' },
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'code'] })],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_indicator_value',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'indicator_code', type: 'varchar', length: '64' },
          { name: 'value', type: 'varchar', length: '40' },
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'indicator_code', 'unit_code'] })],
        indices: [new TableIndex({ columnNames: ['campaign_id', 'unit_code'] })],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('unit_indicator_value');
    await queryRunner.dropTable('campaign_indicator');
  }
}
