import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bureauForeignKey, bureauIdColumn, createdAtColumn, idColumn } from '../../database/migration-columns';

// Problems the office merges opinions into, and which opinions each holds.
export class CreateOpinionReview1795603400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'opinion_problem',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          createdAtColumn(queryRunner),
          { name: 'created_by', type: 'varchar', length: '64', isNullable: true },
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
        indices: [new TableIndex({ columnNames: ['campaign_id', 'unit_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'opinion_problem_member',
        columns: [
          { name: 'opinion_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'problem_id', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['opinion_id'],
            referencedTableName: 'opinion',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['problem_id'],
            referencedTableName: 'opinion_problem',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['problem_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('opinion_problem_member');
    await queryRunner.dropTable('opinion_problem');
  }
}
