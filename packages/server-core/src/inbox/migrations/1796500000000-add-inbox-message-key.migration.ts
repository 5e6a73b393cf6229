import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Inbox entries keep the key and parameters of their sentence, so the console says them in the user's language. */
export class AddInboxMessageKey1796500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('inbox_entry', [
      new TableColumn({ name: 'message_key', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'message_params_json', type: 'varchar', length: '2000', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('inbox_entry', 'message_params_json');
    await queryRunner.dropColumn('inbox_entry', 'message_key');
  }
}
