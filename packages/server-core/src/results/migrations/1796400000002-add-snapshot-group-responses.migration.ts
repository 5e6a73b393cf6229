import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** The response rate per evaluator group frozen with published results (JSON); null in older snapshots. */
export class AddSnapshotGroupResponses1796400000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'result_snapshot',
      new TableColumn({ name: 'group_responses', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('result_snapshot', 'group_responses');
  }
}
