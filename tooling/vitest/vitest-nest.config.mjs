// Nest packages need decorator metadata; swc emits it so tests never depend on
// whichever transformer vite ships by default.
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { baseTestConfig } from './vitest.config.mjs';

export default defineConfig({
  plugins: [
    swc.vite({
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    }),
  ],
  test: { ...baseTestConfig, pool: 'forks', fileParallelism: false },
});
