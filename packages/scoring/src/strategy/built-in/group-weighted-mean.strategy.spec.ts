import { describe, expect, it } from 'vitest';
import { policy, TIERS } from '../../../test/fixtures.js';
import { scoreTally } from '../../standings/score-tally.js';
import { Tally, type TallyRow } from '../../tally/tally.js';

const groups = [
  { code: 'residents', label: '城乡居民', weight: 3 },
  { code: 'professionals', label: '专业技术人员', weight: 1 },
  { code: 'retirees', label: '离退休干部', weight: 0 },
];

function score(rows: TallyRow[], weights = groups) {
  const shape = policy({ groups: weights, strategy: { code: 'group-weighted-mean' }, tiers: TIERS });
  return scoreTally(Tally.fromRows(rows, shape), shape).standings[0];
}

const row = (group: string, level: string, count: number): TallyRow => ({ unit: 'u', group, level, count });

describe('group-weighted-mean', () => {
  it('averages the group means by weight', () => {
    // residents 177500/1820, professionals 70: (3 × 8875/91 + 70) ÷ 4 = 32995/364 = 90.6456…
    const standing = score([
      row('residents', 'satisfied', 1520),
      row('residents', 'fairlySatisfied', 300),
      row('residents', 'unknown', 37),
      row('professionals', 'satisfied', 20),
      row('professionals', 'dissatisfied', 20),
    ]);
    expect(standing?.score).toBe(90.65);
    expect(standing?.explanation.steps.map((step) => step.expression)).toEqual([
      '(1520×100 + 300×85 + 0×70 + 0×55 + 0×40) ÷ 1820',
      '(20×100 + 0×85 + 0×70 + 0×55 + 20×40) ÷ 40',
      '(3×97.53 + 1×70) ÷ (3 + 1)',
    ]);
    expect(standing?.explanation.groups?.professionals?.dissatisfied).toBe(20);
  });

  it('leaves out groups without counted votes for the unit', () => {
    const standing = score([
      row('residents', 'satisfied', 1),
      row('residents', 'dissatisfied', 1),
      row('professionals', 'unknown', 50),
    ]);
    expect(standing?.score).toBe(70);
  });

  it('gives a weight-0 group no say', () => {
    expect(score([row('residents', 'satisfied', 1), row('retirees', 'dissatisfied', 100)])?.score).toBe(100);
  });

  it('uses fractional weights exactly', () => {
    const weights = [
      { code: 'residents', label: 'r', weight: 0.1 },
      { code: 'professionals', label: 'p', weight: 0.2 },
    ];
    // (0.1 × 100 + 0.2 × 55) ÷ 0.3 = 70 exactly
    expect(score([row('residents', 'satisfied', 1), row('professionals', 'notVerySatisfied', 1)], weights)?.score).toBe(
      70,
    );
  });

  it('cannot score a unit rated only by weight-0 groups', () => {
    const standing = score([row('retirees', 'satisfied', 10)]);
    expect(standing).toMatchObject({ valid: false, score: null });
    expect(standing?.explanation.reason?.en).toMatch(/weight 0/);
  });

  it('cannot score a unit without counted votes', () => {
    expect(score([row('residents', 'unknown', 10)])?.valid).toBe(false);
  });
});
