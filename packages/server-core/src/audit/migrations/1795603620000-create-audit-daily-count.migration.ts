import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';

export class CreateAuditDailyCount1795603620000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_daily_count',
        columns: [
          { name: 'bureau_id', type: 'integer', isPrimary: true },
          { name: 'operation', type: 'varchar', length: '100', isPrimary: true },
          { name: 'day', type: 'date', isPrimary: true },
          { name: 'group_code', type: 'varchar', length: '64', isPrimary: true },
          { name: 'count', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['bureau_id'],
            referencedTableName: 'bureau',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    // the success rows of castBallot written before (day only, no address) become counts
    await queryRunner.query("DELETE FROM audit_entry WHERE operation = 'castBallot' AND success = true AND ip IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_daily_count');
  }
}
