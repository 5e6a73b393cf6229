import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// The console's documents are typed and checked (`npm run typecheck`) against the checked-in
// schema.graphql and its introspection types, src/graphql-env.d.ts: both must be what the
// server serves now, or the check proves nothing. After a schema change:
// `npm run schema:update -w @pingyi/console` and commit both files. The test runs the same
// commands as schema:update (in child processes, so no second copy of graphql is loaded here).

const CONSOLE = path.resolve(import.meta.dirname, '..');
const SCHEMA_FILE = path.join(CONSOLE, 'schema.graphql');
const ENV_FILE = path.join(CONSOLE, 'src/graphql-env.d.ts');
// the package's bin (its exports do not list it)
const GQL_TADA = path.join(path.dirname(createRequire(import.meta.url).resolve('gql.tada/package.json')), 'bin/cli.js');
// as from a shell: without vitest's variables (under them the test kit's server does not finish closing)
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
const run = (args: string[]) =>
  execFileSync(process.execPath, args, {
    cwd: CONSOLE,
    env: shellEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

describe('the checked-in schema', () => {
  it("is the server's schema (run `npm run schema:update -w @pingyi/console` when it is not)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(run(['scripts/print-schema.mjs']));
  });

  it('is the one src/graphql-env.d.ts was generated from', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-tada-')), 'graphql-env.d.ts');
    try {
      run([GQL_TADA, 'generate', 'output', '--output', out]);
      const options = await prettier.resolveConfig(ENV_FILE);
      const generated = await prettier.format(fs.readFileSync(out, 'utf8'), { ...options, filepath: ENV_FILE });
      expect(fs.readFileSync(ENV_FILE, 'utf8')).toBe(generated);
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});
