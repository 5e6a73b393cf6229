import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

const localDate = (name: string, nullable = true) => ({ name, type: 'varchar', length: '10', isNullable: nullable });
const itemForeignKey = (column: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: 'rectification_item',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** Rectification items (整改项目), their source links and their history. */
export class CreateRectification1795602641900 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rectification_item',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'parent_id', type: 'integer', isNullable: true },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text' },
          { name: 'source', type: 'varchar', length: '500', isNullable: true },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'plan', type: 'text', isNullable: true },
          { name: 'owner', type: 'varchar', length: '100', isNullable: true },
          localDate('deadline'),
          { name: 'evidence', type: 'text' },
          { name: 'public_response', type: 'text', isNullable: true },
          { name: 'progress', type: 'integer', isNullable: true },
          { name: 'rebounds', type: 'integer', default: 0 },
          { name: 'look_backs', type: 'integer', default: 0 },
          { name: 'weight', type: 'real', isNullable: true },
          { name: 'supervised', type: 'boolean', default: booleanDefault(queryRunner, false) },
          { name: 'supervising_leader', type: 'varchar', length: '100', isNullable: true },
          { name: 'reporting_interval_days', type: 'integer', isNullable: true },
          localDate('supervised_since'),
          localDate('supervision_report_due'),
          localDate('look_back_due'),
          localDate('opened_on', false),
          localDate('closed_on'),
          { name: 'version', type: 'integer', default: 1 },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['campaign_id'],
            referencedTableName: 'campaign',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          itemForeignKey('parent_id'),
        ],
        indices: [
          new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'unit_code'] }),
          new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'state'] }),
          new TableIndex({ columnNames: ['bureau_id', 'campaign_id', 'deadline'] }),
          new TableIndex({ columnNames: ['parent_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rectification_source',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'item_id', type: 'integer' },
          { name: 'source_type', type: 'varchar', length: '32' },
          { name: 'source_id', type: 'varchar', length: '64', isNullable: true },
        ],
        foreignKeys: [bureauForeignKey(), itemForeignKey('item_id')],
        indices: [
          new TableIndex({ columnNames: ['item_id'] }),
          new TableIndex({ columnNames: ['bureau_id', 'source_type', 'source_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rectification_history',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'item_id', type: 'integer' },
          { name: 'event', type: 'varchar', length: '32' },
          { name: 'from_state', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_state', type: 'varchar', length: '16' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'actor_user_id', type: 'integer', isNullable: true },
          { name: 'actor_username', type: 'varchar', length: '64', isNullable: true },
          { name: 'actor_unit_code', type: 'varchar', length: '64', isNullable: true },
          dateTimeColumn(queryRunner, 'at'),
          localDate('date', false),
          { name: 'details', type: 'text' },
        ],
        foreignKeys: [bureauForeignKey(), itemForeignKey('item_id')],
        indices: [new TableIndex({ columnNames: ['item_id', 'at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rectification_history');
    await queryRunner.dropTable('rectification_source');
    await queryRunner.dropTable('rectification_item');
  }
}
