// Spawns the real `pingyi` bin (bin/pingyi.js → dist/main.js, built before
// this test by turbo: see apps/cli/turbo.json).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-harness.js';

const bin = join(repoRoot, 'apps/cli/bin/pingyi.js');
const pingyi = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });

describe('the pingyi bin', () => {
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'apps/cli/dist/main.js'))) {
      throw new Error('apps/cli/dist/main.js is missing: build first (npx turbo run build --filter=@pingyi/cli)');
    }
  });

  it('scores the demo from the repository root and exits 0', () => {
    const result = pingyi('score', '--tally', 'examples/demo-tally.csv', '--policy', 'examples/seed-policy.json');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const { standings } = JSON.parse(result.stdout) as { standings: { rank: number }[] };
    expect(standings.map((standing) => standing.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('exits 2 with one line on stderr and nothing on stdout for bad input', () => {
    const result = pingyi('score', '--tally', 'examples/missing.csv', '--policy', 'examples/seed-policy.json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('pingyi: examples/missing.csv: cannot read the tally file: no such file\n');
  });

  it('exits 2 for an unknown command', () => {
    const result = pingyi('launch');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});
