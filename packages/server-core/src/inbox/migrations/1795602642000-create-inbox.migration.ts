import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

/** The in-app inbox: notifications addressed to groups, and who has read them. */
export class CreateInbox1795602642000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'inbox_entry',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer', isNullable: true },
          { name: 'target', type: 'varchar', length: '32' },
          { name: 'unit_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'person', type: 'varchar', length: '100', isNullable: true },
          { name: 'subject_type', type: 'varchar', length: '32' },
          { name: 'subject_id', type: 'integer' },
          { name: 'reason', type: 'varchar', length: '64' },
          { name: 'message', type: 'varchar', length: '500' },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [bureauForeignKey()],
        indices: [
          new TableIndex({ columnNames: ['bureau_id', 'target', 'unit_code'] }),
          new TableIndex({ columnNames: ['bureau_id', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox_read',
        columns: [
          { name: 'entry_id', type: 'integer', isPrimary: true },
          { name: 'user_id', type: 'integer', isPrimary: true },
          dateTimeColumn(queryRunner, 'read_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['entry_id'],
            referencedTableName: 'inbox_entry',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inbox_read');
    await queryRunner.dropTable('inbox_entry');
  }
}
