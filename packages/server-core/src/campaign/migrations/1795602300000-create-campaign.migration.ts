import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableUnique } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

export class CreateCampaign1795602300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaign',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'year', type: 'integer' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'time_zone', type: 'varchar', length: '64' },
          { name: 'start_date', type: 'date' },
          { name: 'end_date', type: 'date' },
          { name: 'phases', type: 'text' },
          { name: 'guiding_principle', type: 'text' },
          { name: 'objectives', type: 'text' },
          { name: 'requirements', type: 'text' },
          { name: 'policy', type: 'text' },
          { name: 'previous_campaign_id', type: 'integer', isNullable: true },
          { name: 'is_demo', type: 'boolean', default: booleanDefault(queryRunner, false) },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        uniques: [new TableUnique({ columnNames: ['bureau_id', 'year'] })],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['previous_campaign_id'],
            referencedTableName: 'campaign',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evaluator_group',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'label', type: 'varchar', length: '100' },
          { name: 'quota', type: 'integer' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'sort_order', type: 'integer' },
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'code'] })],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['campaign_id'],
            referencedTableName: 'campaign',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('evaluator_group');
    await queryRunner.dropTable('campaign');
  }
}
