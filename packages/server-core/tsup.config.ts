import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';

// The ES module entry re-exports the CommonJS build, so that a process holds ONE copy of the
// server's classes (Nest modules, TypeORM entities, GraphQL types) however it loads this package;
// its types (index.d.mts) are the ESM declarations, so an ESM consumer's imports of
// @pingyi/scoring and @pingyi/domain resolve to the same declarations as its own.
function writeEsmEntry(): void {
  const names = Object.keys(createRequire(import.meta.url)('./dist/index.js') as object).filter(
    (name) => name !== 'default' && name !== '__esModule',
  );
  writeFileSync(
    'dist/index.mjs',
    [
      '// The ES module entry: the CommonJS build (one copy of the server in a process), re-exported.',
      "import { createRequire } from 'node:module';",
      "const core = createRequire(import.meta.url)('./index.js');",
      `export const { ${names.join(', ')} } = core;`,
      'export default core;',
      '',
    ].join('\n'),
  );
  rmSync('dist/index.mjs.map', { force: true });
}

// emitDecoratorMetadata in tsconfig makes tsup transpile with swc, which Nest needs.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  onSuccess: async () => writeEsmEntry(),
});
