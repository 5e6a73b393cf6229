// The pingyi command's edges: version, help for every command, exit codes, pipes, Excel CSV, plugins.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoTally, files, repoRoot, run, seedPolicy } from './cli-harness.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'apps/cli/package.json'), 'utf8')) as { version: string })
  .version;
const seed = JSON.parse(readFileSync(seedPolicy, 'utf8')) as Record<string, unknown>;

describe('pingyi: version and help', () => {
  it('prints its version', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    ['score', '--help'],
    ['campaign', '--help'],
    ['campaign', 'init', '--help'],
    ['campaign', 'check', '--help'],
    ['campaign', 'templates', '--help'],
    ['plugin', '--help'],
    ['plugin', 'init', '--help'],
    ['serve', '--help'],
  ])('%s %s %s prints its usage and exits 0', async (...argv) => {
    const result = await run(...argv.filter((arg): arg is string => typeof arg === 'string'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pingyi /);
    expect(result.stderr).toBe('');
  });

  it('campaign check without a file is a usage error: one line, exit 2', async () => {
    const result = await run('campaign', 'check');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pingyi campaign check: missing the configuration FILE to check (see pingyi campaign check --help)\n',
    });
  });
});

describe('pingyi score: output and input edges', () => {
  it('--format csv --excel writes a BOM and CRLF line ends', async () => {
    const plain = await run('score', '--tally', demoTally, '--policy', seedPolicy, '--format', 'csv');
    const excel = await run('score', '--tally', demoTally, '--policy', seedPolicy, '--format', 'csv', '--excel');
    expect(excel.code).toBe(0);
    expect(excel.stdout.startsWith('\uFEFFunit,ballots,')).toBe(true);
    expect(excel.stdout.slice(1)).toBe(plain.stdout.replace(/\n/g, '\r\n'));
    expect((await run('score', '--tally', demoTally, '--policy', seedPolicy, '--excel')).stderr).toBe(
      'pingyi score: --excel goes with --format csv\n',
    );
  });

  it("refuses a tally whose unit's ballots add up past 2^53, naming the file and line", async () => {
    const tally = files({
      'tally.csv': `unit,group,level,count\ngeneral-office,residents,satisfied,${2 ** 52}\ngeneral-office,residents,dissatisfied,${2 ** 52}\n`,
    })['tally.csv'];
    const result = await run('score', '--tally', tally as string, '--policy', seedPolicy);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `pingyi: ${tally}: line 3: the ballots of unit general-office add up beyond 9007199254740991 (2^53 − 1)\n`,
    );
  });

  it('refuses a policy level code with surrounding spaces', async () => {
    const scale = (seed.scale as { code: string }[]).map((level, i) =>
      i === 0 ? { ...level, code: ` ${level.code} ` } : level,
    );
    const policy = files({ 'policy.json': JSON.stringify({ ...seed, scale }) })['policy.json'];
    const result = await run('score', '--tally', demoTally, '--policy', policy as string);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^pingyi: .*policy\.json: scale\[0\]\.code: must not begin or end with spaces: " satisfied "/,
    );
  });

  it('warns on stderr about tiers their order makes unreachable, and still scores', async () => {
    const tiers = [
      { code: 'good', label: '好', min: 60 },
      { code: 'excellent', label: '优秀', min: 90 },
      { code: 'poor', label: '差', min: null },
    ];
    const policy = files({ 'policy.json': JSON.stringify({ ...seed, tiers }) })['policy.json'];
    const result = await run('score', '--tally', demoTally, '--policy', policy as string);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `pingyi score: warning: ${policy}: tiers[1] "excellent" (min 90) can never be reached: tiers[0] "good" (min 60) comes first and takes those scores; list tiers from the highest min down\n`,
    );
    expect(JSON.parse(result.stdout).standings.length).toBeGreaterThan(0);
  });
});

describe('pingyi score --plugin', () => {
  // an ES module plugin whose strategy gives 50 to every unit with votes
  const plugin = join(repoRoot, 'apps/server/test/plugins-misbehaving.plugin.mjs');
  const policy = () =>
    files({
      'policy.json': JSON.stringify({ ...seed, strategy: { code: 'misbehaving/sometimes', args: { mode: 'ok' } } }),
    })['policy.json'] as string;

  it("scores with a plugin's strategy given by path", async () => {
    const without = await run('score', '--tally', demoTally, '--policy', policy());
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/unknown scoring strategy "misbehaving\/sometimes"/);
    const result = await run('score', '--tally', demoTally, '--policy', policy(), '--plugin', plugin);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { standings } = JSON.parse(result.stdout) as { standings: { score: number }[] };
    expect(standings.length).toBe(10);
    expect(standings.every((standing) => standing.score === 50)).toBe(true);
  });

  it('names a path that is no plugin, in one line', async () => {
    const notPlugin = await run(
      'score',
      '--tally',
      demoTally,
      '--policy',
      seedPolicy,
      '--plugin',
      join(repoRoot, 'apps/cli/package.json'),
    );
    expect(notPlugin.code).toBe(2);
    expect(notPlugin.stderr).toMatch(
      /^pingyi score: plugin ".*package\.json" does not export a plugin: its default export must be definePlugin[^\n]*\n$/,
    );
  });
});

describe('the pingyi bin in a pipe', () => {
  const bin = join(repoRoot, 'apps/cli/bin/pingyi.js');

  it('ends quietly when the reader goes away (| head): no EPIPE stack, exit 0', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'score', '--tally', demoTally, '--policy', seedPolicy, '--explain', '--format', 'table'],
      { cwd: repoRoot },
    );
    child.stdout.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('pingyi plugin init', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes a plugin folder with a strategy, its test, a build and peer dependencies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-plugin-init-'));
    dirs.push(dir);
    const result = await run('plugin', 'init', '@acme/pingyi-plugin-median', '--dir', join(dir, 'median'));
    expect(result.code).toBe(0);
    for (const file of [
      'package.json',
      'tsconfig.json',
      'tsup.config.ts',
      '.gitignore',
      'src/index.ts',
      'src/median.strategy.ts',
      'src/median.strategy.spec.ts',
      'tally.csv',
      'policy.json',
    ]) {
      expect(existsSync(join(dir, 'median', file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'median/package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(manifest.name).toBe('@acme/pingyi-plugin-median');
    expect(manifest.peerDependencies).toEqual({
      '@pingyi/domain': '^0.1.0',
      '@pingyi/scoring': '^0.1.0',
      '@pingyi/server-core': '^0.1.0',
    });
    expect(readFileSync(join(dir, 'median/src/median.strategy.ts'), 'utf8')).toContain("code: 'acme/median'");
    expect(readFileSync(join(dir, 'median/src/index.ts'), 'utf8')).not.toMatch(/__[A-Z]+__/);
    const again = await run('plugin', 'init', '@acme/pingyi-plugin-median', '--dir', join(dir, 'median'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists and is not empty/);
    expect((await run('plugin', 'init', 'Not A Name')).code).toBe(2);
  });
});

describe('pingyi score with pingyi.config.*', () => {
  it("scores with the config file's plugins, and looks for the same file names as the server", async () => {
    const { CONFIG_FILE_NAMES: serverNames } = await import('@pingyi/server-core');
    const { CONFIG_FILE_NAMES } = await import('../src/plugins.js');
    expect(CONFIG_FILE_NAMES).toEqual(serverNames);
    const config = files({
      'pingyi.config.json': JSON.stringify({
        plugins: [join(repoRoot, 'apps/server/test/plugins-misbehaving.plugin.mjs')],
      }),
    })['pingyi.config.json'] as string;
    const policy = files({ 'policy.json': JSON.stringify({ ...seed, strategy: { code: 'misbehaving/sometimes' } }) })[
      'policy.json'
    ] as string;
    const result = await run('score', '--tally', demoTally, '--policy', policy, '--config', config, '--format', 'csv');
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[1]).toMatch(/,50\.00,1,/);
  });
});

describe('pingyi serve', () => {
  it('refuses a path that is no plugin in one line, exit 2; --verbose adds the stack', async () => {
    const notPlugin = join(repoRoot, 'apps/cli/package.json');
    const quiet = await run('serve', '--plugin', notPlugin);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(/^pingyi serve: plugin ".*package\.json" does not export a plugin[^\n]*\n$/);
    const verbose = await run('serve', '--plugin', notPlugin, '--verbose');
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/PingyiError[^\n]*\n\s+at /);
  });
});
