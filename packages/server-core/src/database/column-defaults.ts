import { type QueryRunner } from 'typeorm';
import { isPostgres } from './migration-columns';

/** A boolean column default as each database spells it (`true` / `1`). */
export const booleanDefault = (queryRunner: QueryRunner, value: boolean): string =>
  isPostgres(queryRunner) ? String(value) : value ? '1' : '0';
