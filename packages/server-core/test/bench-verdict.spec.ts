// `npm run bench` must fail when a benchmark fails. A benchmark stuck on a
// promise nothing settles (a server's close after a failed write) used to end
// with exit code 0: Node ends a process whose event loop has run dry.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const KIT = path.resolve(__dirname, '../bench/bench-kit.ts');
const TSX = path.resolve(__dirname, '../../../node_modules/.bin/tsx');

function runScript(body: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-verdict-'));
  const file = path.join(dir, 'sample.bench.ts');
  fs.writeFileSync(file, `import { runBench } from ${JSON.stringify(KIT)};\n${body}\n`);
  try {
    const result = spawnSync(TSX, [file], { encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stderr: result.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('a benchmark run', () => {
  it('exits 1 naming the benchmark when it waits on a promise that never settles', () => {
    const result = runScript(`runBench('stuck', () => new Promise<void>(() => undefined));`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stuck: stopped before it finished');
  });

  it('exits 1 when it throws, and 0 when it finishes', () => {
    expect(runScript(`runBench('throws', async () => { throw new Error('write failed'); });`).status).toBe(1);
    expect(runScript(`runBench('fine', async () => undefined);`).status).toBe(0);
  });

  it('keeps the exit code a benchmark sets for a missed goal', () => {
    expect(runScript(`runBench('slow', async () => { process.exitCode = 1; });`).status).toBe(1);
  });
});
