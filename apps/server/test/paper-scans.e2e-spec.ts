import { describeOnPostgres } from '@pingyi/testing';
import { describe, it } from 'vitest';
import { paperScansSuite } from './paper-scans.suite';
import { noPdftoppm } from './support/paper-scans';

const missing = noPdftoppm();
if (missing && process.env.CI)
  throw new Error(`the scan suites need ${missing}: install poppler-utils (required in CI)`);
if (missing) describe('paper scans', () => it.skip(`skipped: ${missing}`, () => undefined));
else {
  describe('paper scans [sqlite]', () => paperScansSuite('sqlite'));
  describeOnPostgres('paper scans', () => paperScansSuite('postgres'));
}
