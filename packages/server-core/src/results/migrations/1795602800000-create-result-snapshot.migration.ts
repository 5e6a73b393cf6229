import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bureauForeignKey, bureauIdColumn, dateTimeColumn, idColumn } from '../../database/migration-columns';

export class CreateResultSnapshot1795602800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'result_snapshot',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'policy', type: 'text' },
          { name: 'standings', type: 'text' },
          { name: 'rating_count', type: 'integer' },
          { name: 'small_cell_k', type: 'integer' },
          dateTimeColumn(queryRunner, 'published_at'),
          { name: 'published_by', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          bureauForeignKey(),
          new TableForeignKey({
            columnNames: ['campaign_id'],
            referencedTableName: 'campaign',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['campaign_id', 'published_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('result_snapshot');
  }
}
