import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';

export class CreateBallotBox1795603610000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ballot_box',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'campaign_id', type: 'integer' },
          { name: 'sealed', type: 'text' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['campaign_id'],
            referencedTableName: 'campaign',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [{ columnNames: ['campaign_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ballot_box');
  }
}
