import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Test files (ESM under vitest) get the ESM build, whose `import { describe } from 'vitest'`
// vitest requires. The CommonJS build loads vitest only when describeOnPostgres runs, so that
// scripts may require() the kit (vitest refuses to be required).
const EAGER = 'var import_vitest = require("vitest");';
const LAZY = 'var import_vitest = new Proxy({}, { get: (_target, name) => require("vitest")[name] });';

function makeVitestLazy(): void {
  const file = 'dist/index.js';
  const text = readFileSync(file, 'utf8');
  if (!text.includes(EAGER)) throw new Error(`${file}: the require("vitest") to make lazy is not there any more`);
  writeFileSync(file, text.replace(EAGER, LAZY));
}

// emitDecoratorMetadata in tsconfig makes tsup transpile with swc, which Nest needs.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  onSuccess: async () => makeVitestLazy(),
});
