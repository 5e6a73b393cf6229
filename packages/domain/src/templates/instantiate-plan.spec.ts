import { describe, expect, it } from 'vitest';
import { type CampaignPlan } from './campaign-plan.js';
import { instantiatePlan, validateCampaignPlan } from './instantiate-plan.js';
import { SEED_PLAN } from './seed-plan.js';
import { errorOf } from '../errors/caught-error.js';

const withPhase = (index: number, change: object): CampaignPlan => ({
  ...SEED_PLAN,
  phases: SEED_PLAN.phases.map((phase, i) => (i === index ? { ...phase, ...change } : phase)),
});

describe('a plan spanning two years', () => {
  it('places yearOffset 1 in the next year', () => {
    const plan = withPhase(3, { end: { month: 6, day: 30, yearOffset: 1 } });
    const { calendar } = instantiatePlan(plan, 2026);
    expect(calendar.end).toBe('2027-06-30');
    expect(calendar.phases[3]).toMatchObject({ start: '2026-11-16', end: '2027-06-30' });
  });
});

describe('instantiatePlan errors keep their codes and name the plan field', () => {
  it.each([
    ['year not an integer', () => instantiatePlan(SEED_PLAN, 2026.5), 'INVALID_PLAN', 'year', /must be an integer/],
    ['year out of range', () => instantiatePlan(SEED_PLAN, 99), 'INVALID_PLAN', 'year', /at least 1000/],
    [
      'bad time zone',
      () => instantiatePlan(SEED_PLAN, 2026, 'Asia/Peking'),
      'INVALID_PLAN',
      'timeZone',
      /not a known IANA time zone/,
    ],
    ['plan not an object', () => instantiatePlan(null, 2026), 'INVALID_PLAN', 'plan', /must be an object/],
    [
      'no such day',
      () => instantiatePlan(withPhase(0, { start: { month: 2, day: 29 } }), 2026),
      'INVALID_PLAN',
      'phases[0].start',
      /2026 has no day 2月29日/,
    ],
    [
      'month 13',
      () => instantiatePlan(withPhase(0, { start: { month: 13, day: 1 } }), 2026),
      'INVALID_PLAN',
      'phases[0].start.month',
      /at most 12/,
    ],
    [
      'yearOffset 2',
      () => instantiatePlan(withPhase(3, { end: { month: 1, day: 1, yearOffset: 2 } }), 2026),
      'INVALID_PLAN',
      'phases[3].end.yearOffset',
      /at most 1/,
    ],
    [
      'overlapping phases',
      () => instantiatePlan(withPhase(2, { start: { month: 10, day: 10 } }), 2026),
      'INVALID_CALENDAR',
      'phases[2].start',
      /phase "appraisal" \(接受评议\) starts 2026-10-10, overlapping phase "implementation" \(组织实施\), which ends 2026-10-15/,
    ],
    [
      'gap',
      () => instantiatePlan(withPhase(3, { start: { month: 11, day: 20 } }), 2026),
      'INVALID_CALENDAR',
      'phases[3].start',
      /leaving 2026-11-16 to 2026-11-19 in no phase/,
    ],
    [
      'empty step title',
      () => instantiatePlan(withPhase(0, { steps: [{ number: 1, title: '', text: 'x' }] }), 2026),
      'INVALID_PLAN',
      'phases[0].steps[0].title',
      /must not be empty/,
    ],
    [
      'unknown lead unit',
      () =>
        instantiatePlan({ ...SEED_PLAN, workItems: [{ ...SEED_PLAN.workItems[3], leadUnitCodes: ['traffic'] }] }, 2026),
      'UNKNOWN_UNIT',
      'workItems[0].leadUnitCodes[0]',
      /lead unit "traffic" is not a unit/,
    ],
    [
      'unknown theme',
      () => instantiatePlan({ ...SEED_PLAN, workItems: [{ ...SEED_PLAN.workItems[3], themeCode: 'theme-2' }] }, 2026),
      'INVALID_WORK_ITEM',
      'workItems[0].themeCode',
      /theme "theme-2" is not a theme of this plan/,
    ],
    [
      'unit tree broken',
      () => instantiatePlan({ ...SEED_PLAN, units: [...SEED_PLAN.units, SEED_PLAN.units[1]] }, 2026),
      'INVALID_UNIT_TREE',
      'units[11].code',
      /already used/,
    ],
    [
      'no appraised unit',
      () => instantiatePlan({ ...SEED_PLAN, units: SEED_PLAN.units.map((u) => ({ ...u, appraised: false })) }, 2026),
      'INVALID_PLAN',
      'units',
      /no unit is appraised/,
    ],
    [
      'bad quota',
      () =>
        instantiatePlan({ ...SEED_PLAN, evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: -5 }] }, 2026),
      'INVALID_EVALUATOR_GROUPS',
      'evaluatorGroups[0].quota',
      /at least 1/,
    ],
    [
      'bad scale',
      () => instantiatePlan({ ...SEED_PLAN, scale: [] }, 2026),
      'INVALID_SCALE',
      'scale',
      /at least one level/,
    ],
    [
      'bad objective',
      () => instantiatePlan({ ...SEED_PLAN, objectives: [{ number: 1, title: '', text: 't' }] }, 2026),
      'INVALID_PLAN',
      'objectives[0].title',
      /must not be empty/,
    ],
    [
      'duplicate focus',
      () =>
        instantiatePlan(
          {
            ...SEED_PLAN,
            inspectionFocuses: [
              { code: 'safety', label: 'a' },
              { code: 'safety', label: 'b' },
            ],
          },
          2026,
        ),
      'INVALID_PLAN',
      'inspectionFocuses[1].code',
      /used twice/,
    ],
    [
      'rate target above 1',
      () => instantiatePlan({ ...SEED_PLAN, rectificationRateTarget: 100 }, 2026),
      'INVALID_PLAN',
      'rectificationRateTarget',
      /at most 1/,
    ],
  ])('%s → %s at %s', (_name, run, code, path, message) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('validateCampaignPlan', () => {
  it('reports calendar problems as INVALID_PLAN, saying which year the phases were placed in', () => {
    const error = errorOf(() => validateCampaignPlan(withPhase(2, { start: { month: 10, day: 10 } })));
    expect([error.code, error.path]).toEqual(['INVALID_PLAN', 'phases[2].start']);
    expect(error.message).toBe(
      'phases[2].start: phase "appraisal" (接受评议) starts 2028-10-10, overlapping phase "implementation" (组织实施), which ends 2028-10-15 (phases placed in 2028)',
    );
  });

  it('accepts a 2月29日 phase date that only some years have', () => {
    const plan = { ...withPhase(0, { start: { month: 2, day: 29 } }) };
    expect(validateCampaignPlan(plan)).toBe(plan);
    expect(() => instantiatePlan(plan, 2027)).toThrowError(/2027 has no day 2月29日/);
  });
});
