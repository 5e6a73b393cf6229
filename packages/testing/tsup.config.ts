import { defineConfig } from 'tsup';

// emitDecoratorMetadata in tsconfig makes tsup transpile with swc, which Nest needs.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
