import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { campaignForeignKey, isPostgres } from '../../database/migration-columns';

// The tally stamp of each campaign (see TallyStamp); campaigns already holding
// ratings get a first one, so their counted tally is cached from the start.
export class CreateTallyStamp1796600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tally_stamp',
        columns: [
          { name: 'campaign_id', type: 'integer', isPrimary: true },
          { name: 'stamp', type: 'varchar', length: '36' },
        ],
        foreignKeys: [campaignForeignKey()],
      }),
    );
    const rated = (await queryRunner.query('SELECT DISTINCT campaign_id FROM rating')) as { campaign_id: number }[];
    const insert = isPostgres(queryRunner)
      ? 'INSERT INTO tally_stamp (campaign_id, stamp) VALUES ($1, $2)'
      : 'INSERT INTO tally_stamp (campaign_id, stamp) VALUES (?, ?)';
    for (const { campaign_id } of rated) await queryRunner.query(insert, [Number(campaign_id), randomUUID()]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('tally_stamp');
  }
}
