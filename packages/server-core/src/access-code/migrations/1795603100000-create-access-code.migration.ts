import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  createdAtColumn,
  dateTimeColumn,
  idColumn,
  isPostgres,
} from '../../database/migration-columns';

const campaignForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

// Access codes are stored as keyed hashes; a used code keeps the day only.
export class CreateAccessCode1795603100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'access_code_batch',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'count', type: 'integer' },
          { ...createdAtColumn(queryRunner), name: 'issued_at' },
          { name: 'issued_by', type: 'varchar', length: '64', isNullable: true },
          dateTimeColumn(queryRunner, 'revoked_at', { nullable: true }),
          { name: 'revoked_by', type: 'varchar', length: '64', isNullable: true },
        ],
        foreignKeys: [bureauForeignKey(), campaignForeignKey()],
        indices: [new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'access_code',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'batch_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '10', default: "'unused'" },
          { name: 'used_on', type: 'date', isNullable: true },
        ],
        foreignKeys: [
          bureauForeignKey(),
          campaignForeignKey(),
          new TableForeignKey({
            columnNames: ['batch_id'],
            referencedTableName: 'access_code_batch',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code', 'state'] }),
          new TableIndex({ columnNames: ['batch_id'] }),
        ],
      }),
    );
    // Room on every page for the one update a code ever gets (unused → used),
    // so the new row version stays beside its neighbours in issuance order
    // instead of being appended in redemption order (a dump would show it).
    if (isPostgres(queryRunner)) await queryRunner.query('ALTER TABLE access_code SET (fillfactor = 50)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('access_code');
    await queryRunner.dropTable('access_code_batch');
  }
}
