import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** What an audited edit changed (JSON, field by field) and the reason given. */
export class AddAuditChange1796130000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('audit_entry', [
      new TableColumn({ name: 'changes', type: 'text', isNullable: true }),
      new TableColumn({ name: 'reason', type: 'varchar', length: '500', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_entry', 'reason');
    await queryRunner.dropColumn('audit_entry', 'changes');
  }
}
