import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bureauForeignKey, bureauIdColumn, createdAtColumn, idColumn } from '../../database/migration-columns';

/** Metadata of evidence files (the bytes are on disk, named by SHA-256). */
export class CreateAttachment1795602642100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'attachment',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'item_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'content_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'uploaded_by', type: 'varchar', length: '64', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['item_id'],
            referencedTableName: 'rectification_item',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ['item_id'] }),
          new TableIndex({ columnNames: ['bureau_id', 'sha256'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attachment');
  }
}
