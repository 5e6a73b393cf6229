import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
} from '../../database/migration-columns';

export class CreateUserAndToken1795600000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'roles', type: 'text' },
          { name: 'unit_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'active', type: 'boolean', default: booleanDefault(queryRunner, true) },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'updated_at', { defaultNow: true }),
        ],
        foreignKeys: [bureauForeignKey()],
        indices: [new TableIndex({ columnNames: ['bureau_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'auth_token',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          createdAtColumn(queryRunner),
          dateTimeColumn(queryRunner, 'expires_at'),
          dateTimeColumn(queryRunner, 'revoked_at', { nullable: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['user_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_token');
    await queryRunner.dropTable('app_user');
  }
}
