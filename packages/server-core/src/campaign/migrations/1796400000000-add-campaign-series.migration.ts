import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** The series (序列/类别) of a campaign's units, as JSON; null in campaigns stored before series (none). */
export class AddCampaignSeries1796400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('campaign', new TableColumn({ name: 'series', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('campaign', 'series');
  }
}
