import { defineConfig } from 'tsup';

// CommonJS for the server (which require()s plugins), ESM for tests and ESM hosts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
