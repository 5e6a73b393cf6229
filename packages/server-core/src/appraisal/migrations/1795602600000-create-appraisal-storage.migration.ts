import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { booleanDefault } from '../../database/column-defaults';
import { bureauForeignKey, bureauIdColumn } from '../../database/migration-columns';

const campaignForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

// Ballots and opinions are anonymous: random UUID ids, a day but no time, and
// no column that could name an access code, a user, or each other.
export class CreateAppraisalStorage1795602600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ballot',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'cast_on', type: 'date' },
          { name: 'paper_batch_id', type: 'integer', isNullable: true },
          { name: 'is_demo', type: 'boolean', default: booleanDefault(queryRunner, false) },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rating',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'unit_code', type: 'varchar', length: '64', isPrimary: true },
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'level_code', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['ballot_id'],
            referencedTableName: 'ballot',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        // covering index of the tally's GROUP BY
        indices: [new TableIndex({ columnNames: ['campaign_id', 'unit_code', 'evaluator_group_code', 'level_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'opinion',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'unit_code', type: 'varchar', length: '64' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'text', type: 'text' },
          { name: 'status', type: 'varchar', length: '20', default: "'pending'" },
          { name: 'received_on', type: 'date' },
          { name: 'is_demo', type: 'boolean', default: booleanDefault(queryRunner, false) },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [
          new TableIndex({ columnNames: ['campaign_id', 'unit_code'] }),
          new TableIndex({ columnNames: ['campaign_id', 'status'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['opinion', 'rating', 'ballot']) await queryRunner.dropTable(table);
  }
}
