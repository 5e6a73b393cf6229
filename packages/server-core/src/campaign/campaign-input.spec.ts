import { instantiatePlan, SEED_PLAN } from '@pingyi/domain';
import { createStrategyRegistry } from '@pingyi/scoring';
import { describe, expect, it } from 'vitest';
import { checkCampaignFields, type CampaignFields } from './campaign-input';

const setup = instantiatePlan(SEED_PLAN, 2026);
const POLICY = {
  version: 1,
  scale: setup.scale,
  groups: setup.evaluatorGroups.map((g) => ({ code: g.code, label: g.label, weight: 1 })),
  strategy: { code: 'group-weighted-mean', args: {} },
};
const VALID: CampaignFields = {
  year: 2026,
  name: '2026年度民主评议机关',
  timeZone: 'Asia/Shanghai',
  phases: setup.calendar.phases,
  guidingPrinciple: setup.guidingPrinciple.text,
  objectives: setup.objectives,
  requirements: setup.requirements,
  evaluatorGroups: setup.evaluatorGroups.map(({ code, label, quota }) => ({ code, label, quota })),
  policy: { json: JSON.stringify(POLICY) },
};
const registry = createStrategyRegistry();
const check = (change: Partial<CampaignFields>) => () => checkCampaignFields({ ...VALID, ...change }, registry);
const phases = setup.calendar.phases;

describe('checkCampaignFields', () => {
  it('accepts the seed campaign and fills the policy defaults', () => {
    const draft = checkCampaignFields(VALID, registry);
    expect(draft.calendar).toMatchObject({ start: '2026-06-18', end: '2026-12-31', timeZone: 'Asia/Shanghai' });
    expect(draft.evaluatorGroups).toHaveLength(9);
    expect(draft.policy).toMatchObject({ decimals: 2, minCounted: 0, tiers: [] });
  });

  it.each([
    ['a blank name', { name: ' ' }, 'INVALID_ARGUMENT', 'input.name', /1 to 200 characters/],
    [
      "a year that is not the first phase's",
      { year: 2025 },
      'INVALID_ARGUMENT',
      'input.year',
      /the year the first phase starts \(2026\), got 2025/,
    ],
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus' },
      'INVALID_ARGUMENT',
      'input.timeZone',
      /not a known IANA time zone/,
    ],
    ['no phase', { phases: [] }, 'INVALID_ARGUMENT', 'input.phases', /1 to 12 items, got 0/],
    [
      'an impossible date',
      { phases: [{ ...phases[0], end: '2026-06-31' }, ...phases.slice(1)] },
      'INVALID_ARGUMENT',
      'input.phases[0].end',
      /not a real date/,
    ],
    [
      'overlapping phases',
      { phases: [phases[0], phases[1], { ...phases[2], start: '2026-10-10' }, phases[3]] },
      'INVALID_CALENDAR',
      'input.phases[2].start',
      /phase "appraisal" \(接受评议\) starts 2026-10-10, overlapping phase "implementation"/,
    ],
    [
      'a gap',
      { phases: [phases[0], phases[1], phases[2], { ...phases[3], start: '2026-11-20' }] },
      'INVALID_CALENDAR',
      'input.phases[3].start',
      /gap/,
    ],
    [
      'an objective without text',
      { objectives: [{ number: 1, title: 't', text: '' }] },
      'INVALID_ARGUMENT',
      'input.objectives[0].text',
      /1 to 10000 characters/,
    ],
    [
      'objectives out of order',
      {
        objectives: [
          { number: 2, title: 'a', text: 'a' },
          { number: 1, title: 'b', text: 'b' },
        ],
      },
      'INVALID_ARGUMENT',
      'input.objectives[1].number',
      /greater than the one before/,
    ],
    ['no evaluator group', { evaluatorGroups: [] }, 'INVALID_ARGUMENT', 'input.evaluatorGroups', /1 to 50 items/],
    [
      'a zero quota',
      { evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 0 }] },
      'INVALID_ARGUMENT',
      'input.evaluatorGroups[0].quota',
      /between 1 and/,
    ],
    [
      'a repeated group',
      {
        evaluatorGroups: [
          { code: 'a', label: 'A', quota: 1 },
          { code: 'a', label: 'B', quota: 1 },
        ],
      },
      'INVALID_ARGUMENT',
      'input.evaluatorGroups[1].code',
      /already used/,
    ],
    [
      'policy that is not JSON',
      { policy: { json: '{ version: 1' } },
      'INVALID_POLICY',
      'input.policyJson',
      /is not valid JSON/,
    ],
    [
      'policy without version',
      { policy: { json: JSON.stringify({ ...POLICY, version: undefined }) } },
      'INVALID_POLICY',
      'input.policyJson.version',
      /is required/,
    ],
    [
      'a bad strategy argument',
      { policy: { json: JSON.stringify({ ...POLICY, strategy: { code: 'trimmed-mean', args: { trim: 0.7 } } }) } },
      'INVALID_POLICY',
      'input.policyJson.strategy.args.trim',
      /./,
    ],
    [
      'an unknown strategy',
      { policy: { json: JSON.stringify({ ...POLICY, strategy: { code: 'coin-toss' } }) } },
      'INVALID_POLICY',
      'input.policyJson.strategy.code',
      /unknown scoring strategy "coin-toss"/,
    ],
    [
      'a scale level without points',
      { policy: { json: JSON.stringify({ ...POLICY, scale: [{ code: 'a', points: 'ten' }] }) } },
      'INVALID_POLICY',
      'input.policyJson.scale[0].points',
      /finite number or null/,
    ],
    [
      'policy groups missing a campaign group',
      { policy: { json: JSON.stringify({ ...POLICY, groups: POLICY.groups.slice(1) }) } },
      'INVALID_POLICY',
      'input.policyJson.groups',
      /no weight for the evaluator group\(s\) partyCongressDeputies \(党代表\)/,
    ],
  ])('refuses %s', (_name, change, code, path, message) => {
    expect(check(change as Partial<CampaignFields>)).toThrow(expect.objectContaining({ code, path }));
    expect(check(change as Partial<CampaignFields>)).toThrow(message);
    expect(check(change as Partial<CampaignFields>)).toThrow(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `));
  });

  it('accepts a stored policy object as well as JSON text', () => {
    expect(checkCampaignFields({ ...VALID, policy: { value: POLICY } }, registry).policy.strategy.code).toBe(
      'group-weighted-mean',
    );
  });
});
