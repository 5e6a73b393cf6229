import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** The series (序列/类别) a unit is ranked in: a code of its campaign's series, or null (none). */
export class AddUnitSeries1796400000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'unit',
      new TableColumn({ name: 'series_code', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('unit', 'series_code');
  }
}
