import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PLAN } from '@pingyi/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../../test/cli-harness.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'pingyi-campaign-'));

/** One line on stderr, nothing on stdout, exit 2: the CLI's convention for bad input. */
function expectBadInput(result: { code: number; stdout: string; stderr: string }, message: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n') && result.stderr.split('\n').length === 2).toBe(true);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
}

describe('pingyi campaign init', () => {
  it('prints the configuration of a campaign made from the seed template for the year', async () => {
    const result = await run('campaign', 'init', '--template', 'seed', '--year', '2026');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(config).toMatchObject({
      format: 'pingyi-campaign',
      version: 1,
      template: 'seed',
      campaign: { year: 2026, name: `2026年度${SEED_PLAN.title}` },
    });
    expect(config.campaign.phases.map((phase: { start: string }) => phase.start)).toEqual([
      '2026-06-18',
      '2026-07-01',
      '2026-10-16',
      '2026-11-16',
    ]);
    expect(config.units).toHaveLength(11);
    expect(config.policy.strategy.code).toBe('group-weighted-mean');
  });

  it('writes YAML to a file, refuses to overwrite it without --force, and the file checks out', async () => {
    const out = join(tempDir(), 'campaign-2027.yaml');
    const written = await run(
      'campaign',
      'init',
      '--template',
      'seed',
      '--year',
      '2027',
      '--name',
      '2027年度民主评议',
      '--out',
      out,
    );
    expect(written).toEqual({ code: 0, stdout: `wrote ${out} (yaml): template seed, 2027\n`, stderr: '' });
    const config = parseYaml(readFileSync(out, 'utf8'));
    expect(config.campaign).toMatchObject({ year: 2027, name: '2027年度民主评议' });
    expectBadInput(
      await run('campaign', 'init', '--template', 'seed', '--year', '2027', '--out', out),
      `${out} exists; give --force to overwrite it`,
    );
    expect((await run('campaign', 'init', '--template', 'seed', '--year', '2028', '--out', out, '--force')).code).toBe(
      0,
    );
    const checked = await run('campaign', 'check', out);
    expect(checked.stdout).toBe(
      `${out}: ok: 2028 2028年度${SEED_PLAN.title}, 4 phases, 11 units (6 appraised), ${SEED_PLAN.workItems.length} work items, 9 evaluator groups, strategy group-weighted-mean\n`,
    );
  });

  it('checks an edited file offline and reports every problem on one line', async () => {
    const file = join(tempDir(), 'campaign.json');
    const config = JSON.parse((await run('campaign', 'init', '--template', 'seed', '--year', '2026')).stdout);
    config.units[3].parentCode = 'ghost';
    config.workItems[5].leadUnitCodes = ['nobody'];
    config.campaign.year = 2025;
    writeFileSync(file, JSON.stringify(config));
    const result = await run('campaign', 'check', file);
    expectBadInput(
      result,
      `${file}: 3 problems: campaign.year: must be the year the first phase starts (2026), got 2025; units[3].parentCode: `,
    );
    expect(result.stderr).toContain('workItems[5].leadUnitCodes[0]: ');
    writeFileSync(file, '{ "format": "pingyi-campaign",\n  "version": 1,,\n}');
    expectBadInput(await run('campaign', 'check', file), `${file}: not valid JSON: line 2, column 16: `);
    expectBadInput(
      await run('campaign', 'check', join(tempDir(), 'missing.yaml')),
      'missing.yaml: cannot read the campaign configuration file: no such file',
    );
  });

  it('offers the templates of the plugins the config file lists', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pingyi.config.json'), JSON.stringify({ plugins: ['@pingyi/plugin-weighted-indicators'] }));
    const config = join(dir, 'pingyi.config.json');
    const listed = await run('campaign', 'templates', '--config', config);
    expect(listed.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual([
      'seed',
      'weighted-indicators/seed-composite',
      '',
    ]);
    expect(listed.stdout).toContain('\t@pingyi/plugin-weighted-indicators');
    const result = await run(
      'campaign',
      'init',
      '--template',
      'weighted-indicators/seed-composite',
      '--year',
      '2030',
      '--config',
      config,
    );
    expect(result.code).toBe(0);
    const made = JSON.parse(result.stdout);
    expect(made.policy.strategy.code).toBe('weighted-indicators/composite');
    expect(made.indicators.map((indicator: { code: string }) => indicator.code)).toEqual([
      'complaints',
      'inspection-score',
    ]);
    expectBadInput(
      await run('campaign', 'init', '--template', 'weighted-indicators/seed-composite', '--year', '2030'),
      /no campaign template "weighted-indicators\/seed-composite" \(known: seed\)/,
    );
  });

  it.each([
    [
      ['campaign', 'init', '--year', '2026'],
      'pingyi campaign init: missing required option --template NAME (see pingyi campaign templates)',
    ],
    [['campaign', 'init', '--template', 'seed'], 'pingyi campaign init: missing required option --year YYYY'],
    [
      ['campaign', 'init', '--template', 'seed', '--year', '26'],
      'pingyi campaign init: --year must be a year from 2000 to 2999, not "26"',
    ],
    [
      ['campaign', 'init', '--template', 'county/none', '--year', '2026'],
      'pingyi campaign init: no campaign template "county/none" (known: seed)',
    ],
    [
      ['campaign', 'init', '--template', 'seed', '--year', '2026', '--format', 'xml'],
      'pingyi campaign init: --format must be json or yaml, not "xml"',
    ],
    [
      ['campaign', 'init', '--template', 'seed', '--year', '2026', '--server', 'http://x'],
      'pingyi campaign init: --server and --token go together',
    ],
    [
      ['campaign', 'init', '--template', 'seed', '--year', '2026', '--config', '/nowhere/pingyi.config.json'],
      'PINGYI_CONFIG=/nowhere/pingyi.config.json: no such file',
    ],
    [
      ['campaign', 'frobnicate'],
      'pingyi campaign: unknown subcommand "frobnicate" (init, check, templates; see pingyi campaign --help)',
    ],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    expectBadInput(await run(...argv), message);
  });

  it('prints its help', async () => {
    const help = await run('campaign', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pingyi campaign init --template NAME --year YYYY/);
    expect((await run('--help')).stdout).toMatch(/campaign\s+campaign-as-code/);
  });
});

describe('pingyi campaign init --server', () => {
  const requests: {
    headers: IncomingMessage['headers'];
    body: { query: string; variables: { text: string; format: string } };
  }[] = [];
  let answer: unknown = null;
  let server: Server;
  const listening = new Promise<string>((resolve) => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ headers: request.headers, body: JSON.parse(body) });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(answer));
      });
    }).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('creates the campaign over GraphQL with the token', async () => {
    const url = await listening;
    answer = {
      data: { importCampaignConfig: { __typename: 'Campaign', id: '7', year: 2026, name: '2026年度民主评议' } },
    };
    const result = await run(
      'campaign',
      'init',
      '--template',
      'seed',
      '--year',
      '2026',
      '--format',
      'yaml',
      '--server',
      url,
      '--token',
      'secret-token',
    );
    expect(result).toEqual({ code: 0, stdout: `created campaign 7 (2026 2026年度民主评议) on ${url}\n`, stderr: '' });
    const sent = requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer secret-token');
    expect(sent?.body.query).toContain('importCampaignConfig(text: $text, format: $format)');
    expect(sent?.body.variables.format).toBe('YAML');
    expect(parseYaml(sent?.body.variables.text as string).campaign.year).toBe(2026);
  });

  it.each([
    [
      {
        data: {
          importCampaignConfig: {
            __typename: 'InvalidCampaignConfigError',
            problems: [
              { path: 'units', message: 'x' },
              { path: 'policy', message: 'y' },
            ],
          },
        },
      },
      'refused the configuration: 2 problems: units: x; policy: y',
    ],
    [
      {
        data: {
          importCampaignConfig: {
            __typename: 'CampaignYearTakenError',
            errorCode: 'CAMPAIGN_YEAR_TAKEN',
            message: 'your bureau already has the campaign',
          },
        },
      },
      'refused: CAMPAIGN_YEAR_TAKEN: your bureau already has the campaign',
    ],
    [{ data: null, errors: [{ message: 'Not signed in' }] }, 'refused: Not signed in'],
  ])('reports the server refusing, on one line', async (reply, message) => {
    const url = await listening;
    answer = reply;
    expectBadInput(
      await run('campaign', 'init', '--template', 'seed', '--year', '2026', '--server', url, '--token', 't'),
      `pingyi campaign init: ${url} ${message}`,
    );
  });

  it('reports a server it cannot reach', async () => {
    expectBadInput(
      await run(
        'campaign',
        'init',
        '--template',
        'seed',
        '--year',
        '2026',
        '--server',
        'http://127.0.0.1:9',
        '--token',
        't',
      ),
      'pingyi campaign init: cannot reach http://127.0.0.1:9: ',
    );
    expect(existsSync('campaign-2026.json')).toBe(false);
  });
});
