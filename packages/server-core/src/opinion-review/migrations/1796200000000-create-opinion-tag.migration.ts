import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

// Tags the office puts on opinions while reviewing them.
export class CreateOpinionTag1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'opinion_tag',
        columns: [
          { name: 'opinion_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tag', type: 'varchar', length: '40', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['opinion_id'],
            referencedTableName: 'opinion',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['tag'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('opinion_tag');
  }
}
