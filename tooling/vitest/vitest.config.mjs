// Shared vitest settings: every package writes a JSON report so the root test
// command can print one "N passed, N failed, N skipped" line for the whole repo.
import { defineConfig } from 'vitest/config';

// Coverage of the code a package's own tests run in this process (CI, or
// PINGYI_COVERAGE=1); the root summary prints each package's lines covered.
// Servers started as child processes and the console in Chromium are not
// counted: their code is measured where a package tests it in process.
const coverage = process.env.CI === 'true' || process.env.PINGYI_COVERAGE === '1';

export const baseTestConfig = {
  include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
  reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  // each test's place in its file: the summary counts a table's cases as one behaviour
  includeTaskLocation: true,
  coverage: {
    enabled: coverage,
    provider: 'v8',
    include: ['src/**/*.{ts,tsx}'],
    exclude: ['src/**/*.spec.{ts,tsx}', 'src/**/migrations/**'],
    reporter: ['json-summary'],
    reportsDirectory: 'reports/coverage',
  },
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({ test: baseTestConfig });
