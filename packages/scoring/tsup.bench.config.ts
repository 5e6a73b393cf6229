import { defineConfig } from 'tsup';

// The benchmark, bundled with the package source into dist-bench/ (not published).
export default defineConfig({
  entry: { bench: 'bench/bench.ts' },
  outDir: 'dist-bench',
  format: ['esm'],
  clean: true,
  target: 'node20',
});
