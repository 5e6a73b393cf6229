// Unit tests (src/**/*.spec.ts) and the browser suite (test/*.e2e-spec.ts):
// the browser suite starts one server and one Chromium, so files run one at a time.
import { defineConfig } from 'vitest/config';
import { baseTestConfig } from '@pingyi/tooling/vitest';

export default defineConfig({
  test: {
    ...baseTestConfig,
    include: ['src/**/*.spec.{ts,tsx}', 'test/**/*.e2e-spec.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
