import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

const foreignKey = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class CreateWorkPlan1795602500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'theme',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'number', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'source_gaps', type: 'text' },
        ],
        uniques: [new TableUnique({ columnNames: ['campaign_id', 'code'] })],
        foreignKeys: [bureauForeignKey(), foreignKey('campaign_id', 'campaign', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_item',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'theme_id', type: 'integer' },
          { name: 'number', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'text', type: 'text' },
          { name: 'elided', type: 'boolean' },
          { name: 'source_gaps', type: 'text' },
          { name: 'progress', type: 'integer' },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        uniques: [new TableUnique({ columnNames: ['theme_id', 'number'] })],
        foreignKeys: [
          bureauForeignKey(),
          foreignKey('campaign_id', 'campaign', 'CASCADE'),
          foreignKey('theme_id', 'theme', 'CASCADE'),
        ],
        indices: [new TableIndex({ columnNames: ['campaign_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_item_lead_unit',
        columns: [
          { name: 'work_item_id', type: 'integer', isPrimary: true },
          { name: 'unit_id', type: 'integer', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [foreignKey('work_item_id', 'work_item', 'CASCADE'), foreignKey('unit_id', 'unit', 'RESTRICT')],
        indices: [new TableIndex({ columnNames: ['unit_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_item_update',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'work_item_id', type: 'integer' },
          { name: 'date', type: 'date' },
          { name: 'progress', type: 'integer' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'unit_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'reported_by', type: 'varchar', length: '64' },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [bureauForeignKey(), foreignKey('work_item_id', 'work_item', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['work_item_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['work_item_update', 'work_item_lead_unit', 'work_item', 'theme'])
      await queryRunner.dropTable(table);
  }
}
