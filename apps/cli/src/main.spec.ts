import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../test/cli-harness.js';
import { main } from './main.js';

describe('pingyi', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints the usage and exits 0', async (...argv) => {
    const result = await run(...(argv[0] as string[]));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pingyi <command>/);
    expect(result.stdout).toMatch(/score\s+score a tally CSV/);
    expect(result.stderr).toBe('');
  });

  it('refuses an unknown command with one line and exit 2', async () => {
    const result = await run('frobnicate', '--x');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pingyi: unknown command "frobnicate" (commands: score, campaign, plugin, serve, backup, restore; see pingyi --help)\n',
    });
  });

  it('reports an unexpected failure as one line and exit 1', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    });
    broken.write = () => {
      throw new Error('disk\nfull');
    };
    let stderr = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        stderr += chunk.toString();
        done();
      },
    });
    expect(await main(['--help'], { stdout: broken, stderr: sink })).toBe(1);
    expect(stderr).toBe('pingyi: internal error: disk full\n');
  });
});
