// Shared vitest settings: every package writes a JSON report so the root test
// command can print one "N passed, N failed, N skipped" line for the whole repo.
import { defineConfig } from 'vitest/config';

export const baseTestConfig = {
  include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
  reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({ test: baseTestConfig });
