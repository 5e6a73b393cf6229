import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import {
  bureauForeignKey,
  bureauIdColumn,
  campaignOfBureauForeignKey,
  idColumn,
} from '../../database/migration-columns';

const keys = (): TableForeignKey[] => [
  bureauForeignKey(),
  campaignOfBureauForeignKey(),
  new TableForeignKey({
    columnNames: ['campaign_id', 'evaluator_group_code'],
    referencedTableName: 'evaluator_group',
    referencedColumnNames: ['campaign_id', 'code'],
    onDelete: 'CASCADE',
  }),
];

/** Contacts of evaluator groups, and the reminders sent to them (催办). */
export class CreateGroupContacts1796400000010 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'evaluator_group_contact',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'organization', type: 'varchar', length: '200', isNullable: true },
          { name: 'phone', type: 'varchar', length: '40', isNullable: true },
          { name: 'email', type: 'varchar', length: '200', isNullable: true },
          { name: 'sort_order', type: 'integer', default: 0 },
        ],
        foreignKeys: keys(),
        indices: [new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'group_reminder',
        columns: [
          idColumn(),
          bureauIdColumn(),
          { name: 'campaign_id', type: 'integer' },
          { name: 'evaluator_group_code', type: 'varchar', length: '64' },
          { name: 'ballots', type: 'integer' },
          { name: 'quota', type: 'integer' },
          { name: 'sent_on', type: 'varchar', length: '10' },
          { name: 'sent_by', type: 'varchar', length: '64' },
          { name: 'contact_count', type: 'integer' },
        ],
        foreignKeys: keys(),
        indices: [new TableIndex({ columnNames: ['campaign_id', 'evaluator_group_code'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('group_reminder');
    await queryRunner.dropTable('evaluator_group_contact');
  }
}
