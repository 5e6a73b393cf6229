import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { dateTimeColumn, idColumn } from '../../database/migration-columns';

export class CreateAuditEntry1795600000400 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          idColumn(),
          { name: 'bureau_id', type: 'integer', isNullable: true },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'username', type: 'varchar', length: '64', isNullable: true },
          { name: 'operation', type: 'varchar', length: '100' },
          { name: 'args', type: 'text' },
          { name: 'success', type: 'boolean' },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          dateTimeColumn(queryRunner, 'at'),
        ],
        // No foreign key to the user: the log outlives deleted users.
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['bureau_id'],
            referencedTableName: 'bureau',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['bureau_id', 'at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
  }
}
