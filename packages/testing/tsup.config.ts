import { defineConfig } from 'tsup';

// emitDecoratorMetadata in tsconfig makes tsup transpile with swc, which Nest needs.
// Both formats: test files (ESM under vitest) get the ESM build, whose
// `import { describe } from 'vitest'` vitest requires; scripts may require() the CJS one.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
