import { defineConfig } from 'vitest/config';
import { baseTestConfig } from './vitest/vitest.config.mjs';

export default defineConfig({ test: { ...baseTestConfig, include: ['test/**/*.e2e-spec.ts'] } });
