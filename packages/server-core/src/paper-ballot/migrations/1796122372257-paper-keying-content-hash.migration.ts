import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

// A keying's normalized content (the SHA-256 of its parsed, canonical sheet
// rows) finds a batch keyed again under another line ending, encoding or
// format; a deliberate repeat names the batch it repeats.
export class PaperKeyingContentHash1796122372257 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('paper_keying', [
      new TableColumn({ name: 'content_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'repeat_of_batch_id', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'paper_keying',
      new TableIndex({ name: 'IDX_paper_keying_content_hash', columnNames: ['campaign_id', 'content_hash'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('paper_keying', 'IDX_paper_keying_content_hash');
    await queryRunner.dropColumns('paper_keying', ['repeat_of_batch_id', 'content_hash']);
  }
}
