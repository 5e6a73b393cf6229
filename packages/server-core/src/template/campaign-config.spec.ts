import { SEED_PLAN } from '@pingyi/domain';
import { createStrategyRegistry, parsePolicy } from '@pingyi/scoring';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineIndicatorStrategy } from '../indicator/indicator-strategy';
import { campaignConfigFromTemplate, type CampaignConfig, moveCampaignConfig } from './campaign-config';
import { validateCampaignTemplate } from '../plugin/campaign-template';
import { checkCampaignConfig } from './check-campaign-config';
import { SEED_TEMPLATE, SEED_TEMPLATE_POLICY } from './seed-template';

const registry = createStrategyRegistry();
const seed2026 = (): CampaignConfig => campaignConfigFromTemplate(SEED_TEMPLATE, 2026);
type Mutable = Record<string, unknown> & { campaign: Record<string, unknown> };
const edited = (change: (config: Mutable) => void): unknown => {
  const config = structuredClone(seed2026()) as unknown as Mutable;
  change(config);
  return config;
};
const problemsOf = (raw: unknown) => {
  const result = checkCampaignConfig(raw, registry);
  return result.ok ? [] : result.problems;
};

describe('the seed template', () => {
  it('is valid and its policy is the example seed policy of the repository', () => {
    expect(() => validateCampaignTemplate(SEED_TEMPLATE, registry)).not.toThrow();
    const example = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../../examples/seed-policy.json'), 'utf8'),
    ) as unknown;
    expect(parsePolicy(SEED_TEMPLATE_POLICY, registry)).toEqual(parsePolicy(example, registry));
  });
});

describe('campaignConfigFromTemplate', () => {
  it('places the seed plan in the year with its texts, organization and work plan', () => {
    const config = seed2026();
    expect(config.template).toBe('seed');
    expect(config.campaign.name).toBe(`2026年度${SEED_PLAN.title}`);
    expect(config.campaign.phases.map((phase) => [phase.code, phase.start, phase.end])).toEqual([
      ['mobilization', '2026-06-18', '2026-06-30'],
      ['implementation', '2026-07-01', '2026-10-15'],
      ['appraisal', '2026-10-16', '2026-11-15'],
      ['rectification', '2026-11-16', '2026-12-31'],
    ]);
    expect(config.units).toHaveLength(SEED_PLAN.units.length);
    expect(config.workItems).toHaveLength(SEED_PLAN.workItems.length);
    expect(config.evaluatorGroups.reduce((sum, group) => sum + group.quota, 0)).toBe(10_000);
    expect(config.leadingGroup?.seats[0]).toEqual({ role: 'leader', name: '王惠敏', position: '市委常委、局长' });
    expect(JSON.stringify(config)).not.toMatch(/progress|updates|ballot/);
  });

  it('gives a configuration that passes the check unchanged, and any year works', () => {
    for (const year of [2026, 2028, 2031]) {
      const result = checkCampaignConfig(campaignConfigFromTemplate(SEED_TEMPLATE, year), registry);
      expect(result.ok).toBe(true);
    }
  });

  it('moves a configuration to another year, phase by phase', () => {
    const moved = moveCampaignConfig(seed2026(), 2029);
    expect(moved.campaign.year).toBe(2029);
    expect(moved.campaign.phases[0]).toMatchObject({ start: '2029-06-18', end: '2029-06-30' });
    expect(checkCampaignConfig(moved, registry).ok).toBe(true);
  });
});

describe('checkCampaignConfig', () => {
  it('reports every problem, each with its path and code', () => {
    const broken = edited((config) => {
      config.format = 'something-else';
      config.campaign.name = '';
      (config.campaign.phases as { start: string }[])[1]!.start = '2026-07-05';
      (config.evaluatorGroups as { quota: number }[])[2]!.quota = 0;
      (config.policy as { strategy: { code: string } }).strategy.code = 'no-such-rule';
      (config.units as { parentCode: string }[])[3]!.parentCode = 'ghost';
      (config.units as { appraised: unknown }[])[4]!.appraised = 'yes';
      (config.workItems as { leadUnitCodes: string[] }[])[5]!.leadUnitCodes = ['nobody'];
      (config.workItems as { themeCode: string }[])[6]!.themeCode = 'no-theme';
      config.indicators = [{ code: 'x' }];
    });
    const problems = problemsOf(broken);
    expect(problems.map((problem) => problem.path)).toEqual([
      'format',
      'campaign.name',
      'campaign.phases[1].start',
      'evaluatorGroups[2].quota',
      'policy.strategy.code',
      'units[4].appraised',
      'workItems[5].leadUnitCodes[0]',
      'workItems[6].themeCode',
      'indicators[0].label',
    ]);
    expect(problems[2]).toMatchObject({
      code: 'INVALID_CALENDAR',
      message: expect.stringMatching(/leaving 2026-07-01 to 2026-07-04 in no phase/),
    });
    expect(problems[4]?.message).toMatch(/unknown scoring strategy "no-such-rule"/);
    expect(problems[6]).toMatchObject({ code: 'UNKNOWN_UNIT' });
  });

  it("keeps series and each unit's series; a series the file does not list is a problem at the unit", () => {
    const withSeries = edited((config) => {
      config.series = [{ code: 'enforcement', label: '行政执法类' }];
      (config.units as { seriesCode?: string }[])[1]!.seriesCode = 'enforcement';
    });
    const result = checkCampaignConfig(withSeries, registry);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.checked.config.series).toEqual([{ code: 'enforcement', label: '行政执法类' }]);
      expect(result.checked.config.units[1]?.seriesCode).toBe('enforcement');
      expect(result.checked.config.units[2]?.seriesCode).toBeUndefined();
    }
    const unknown = edited((config) => ((config.units as { seriesCode?: string }[])[2]!.seriesCode = 'nowhere'));
    expect(problemsOf(unknown)).toMatchObject([
      {
        path: 'units[2].seriesCode',
        code: expect.any(String),
        message: expect.stringMatching(/series "nowhere" is not listed in series \(none\)/),
      },
    ]);
    expect(
      'series' in (checkCampaignConfig(seed2026(), registry) as { checked: { config: object } }).checked.config,
    ).toBe(false);
  });

  it('reports a unit tree problem once the units themselves are well formed', () => {
    const problems = problemsOf(
      edited((config) => ((config.units as { parentCode: string }[])[3]!.parentCode = 'ghost')),
    );
    expect(problems).toMatchObject([
      { path: 'units[3].parentCode', code: 'INVALID_UNIT_TREE', message: expect.stringMatching(/ghost/) },
    ]);
  });

  it.each<[string, (config: Mutable) => void, string, RegExp]>([
    [
      "a year other than the first phase's",
      (c) => (c.campaign.year = 2027),
      'campaign.year',
      /must be the year the first phase starts \(2026\), got 2027/,
    ],
    [
      'policy groups missing a group',
      (c) => ((c.policy as { groups: unknown[] }).groups = (c.policy as { groups: unknown[] }).groups.slice(1)),
      'policy.groups',
      /partyCongressDeputies/,
    ],
    [
      'no appraised unit',
      (c) => (c.units as { appraised: boolean }[]).forEach((u) => (u.appraised = false)),
      'units',
      /no unit is appraised/,
    ],
    [
      'a repeated work item number',
      (c) => ((c.workItems as { number: number }[])[1]!.number = 1),
      'workItems[1].number',
      /work item social-stability \(1\) is already workItems\[0\]/,
    ],
    ['no policy', (c) => delete c.policy, 'policy', /is required/],
    [
      'a leading group without leader',
      (c) => (c.leadingGroup = { seats: [{ role: 'member', position: 'x' }] }),
      'leadingGroup.seats',
      /exactly one leader/,
    ],
    [
      'an office member without name',
      (c) => (c.appraisalOffice = [{ position: '主任' }]),
      'appraisalOffice[0].name',
      /is required/,
    ],
    [
      'a title longer than the campaign module allows',
      (c) => ((c.campaign.objectives as { title: string }[])[0]!.title = '长'.repeat(300)),
      'campaign.objectives[0].title',
      /1 to 200 characters/,
    ],
  ])('reports %s', (_name, change, pathName, message) => {
    const problems = problemsOf(edited(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(pathName);
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses what is not a configuration at all', () => {
    expect(problemsOf('hello')).toMatchObject([
      { path: '(file)', code: 'INVALID_CAMPAIGN_CONFIG', message: expect.stringMatching(/must be an object/) },
    ]);
    expect(problemsOf({}).map((problem) => problem.path)).toMatchObject([
      'format',
      'version',
      'campaign',
      'campaign.name',
      'campaign.year',
      'campaign.phases',
      'campaign.guidingPrinciple',
      'campaign.objectives',
      'campaign.requirements',
      'evaluatorGroups',
      'policy',
      'units',
    ]);
  });

  it('asks for the indicators the strategy reads', () => {
    const composite = defineIndicatorStrategy({
      code: 'test/composite',
      label: 'c',
      description: 'c',
      indicators: ['complaints'],
      args: {},
      score: (_u, _a, _p, indicators) => indicators.value('complaints'),
    });
    const withPlugin = createStrategyRegistry([composite]);
    const raw = edited(
      (config) => ((config.policy as { strategy: unknown }).strategy = { code: 'test/composite', args: {} }),
    );
    const result = checkCampaignConfig(raw, withPlugin);
    expect(result.ok ? [] : result.problems).toMatchObject([
      {
        path: 'indicators',
        code: 'INVALID_CAMPAIGN_CONFIG',
        message: 'the strategy test/composite reads "complaints"; declare them here',
      },
    ]);
    (raw as Mutable).indicators = [{ code: 'complaints', label: '投诉件数', min: 0 }];
    expect(checkCampaignConfig(raw, withPlugin).ok).toBe(true);
  });
});
