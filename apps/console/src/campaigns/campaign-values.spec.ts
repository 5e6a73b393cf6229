import { describe, expect, it } from 'vitest';
import {
  campaignFormField,
  campaignInput,
  campaignRecord,
  defaultPolicy,
  isoDate,
  newCampaignDefaults,
  policyFromForm,
} from './campaign-values';

const serverCampaign = {
  id: 7,
  year: 2026,
  name: '2026年度民主评议机关工作',
  timeZone: 'Asia/Shanghai',
  phases: [
    { __typename: 'CampaignPhase', code: 'appraisal', label: '接受评议', start: '2026-10-16', end: '2026-11-15' },
  ],
  guidingPrinciple: '坚持…',
  objectives: [{ number: 1, title: '政令警令更加畅通', text: '…' }],
  requirements: [],
  evaluatorGroups: [
    { id: '1', code: 'residents', label: '城乡居民', quota: 6000, description: null, sortOrder: 0, weight: 3 },
    { id: '2', code: 'deputies', label: '人大代表', quota: 500, description: '市人大代表', sortOrder: 1, weight: null },
  ],
  previousCampaignId: 3,
  policyJson: JSON.stringify({
    ...defaultPolicy(),
    groups: [{ code: 'residents', label: '城乡居民', weight: 3 }],
    strategy: { code: 'trimmed-mean', args: { trim: 0.1 } },
  }),
};

describe('campaignRecord', () => {
  it('parses the policy and lifts the scale, the denominator rule and group weights onto the record', () => {
    const record = campaignRecord(serverCampaign);
    expect(record.id).toBe('7');
    expect(record.previousCampaignId).toBe('3');
    expect(record.policy.strategy).toEqual({ code: 'trimmed-mean', args: { trim: 0.1 } });
    expect(record.scale).toHaveLength(6);
    expect(record.unknownInDenominator).toBe(false);
    expect(record.evaluatorGroups.map((g) => g.weight)).toEqual([3, null]);
  });
});

describe('campaignInput', () => {
  it('sends whole lists without server-only fields and keeps the rest of the policy', () => {
    const record = campaignRecord(serverCampaign);
    const input = campaignInput(
      { ...record, scale: record.scale.map((l) => (l.code === 'satisfied' ? { ...l, points: '95' } : l)) },
      record,
    );
    expect(input.phases).toEqual([{ code: 'appraisal', label: '接受评议', start: '2026-10-16', end: '2026-11-15' }]);
    expect(input.evaluatorGroups).toEqual([
      { code: 'residents', label: '城乡居民', quota: 6000, description: null },
      { code: 'deputies', label: '人大代表', quota: 500, description: '市人大代表' },
    ]);
    const policy = JSON.parse(input.policyJson as string);
    expect(policy.strategy).toEqual({ code: 'trimmed-mean', args: { trim: 0.1 } });
    expect(policy.scale[0]).toEqual({ code: 'satisfied', label: '满意', points: 95 });
    // a weight on one group lists every group; a missing weight counts 1
    expect(policy.groups).toEqual([
      { code: 'residents', label: '城乡居民', weight: 3 },
      { code: 'deputies', label: '人大代表', weight: 1 },
    ]);
    expect(input.previousCampaignId).toBe('3');
  });
});

describe('policyFromForm', () => {
  it.each([
    ['no weights → no groups', [null, ''], undefined],
    ['some weights → every group', [2, null], [2, 1]],
    ['all weights', [2, 0.5], [2, 0.5]],
  ])('%s', (_name, weights, expected) => {
    const groups = weights.map((weight, i) => ({
      code: `g${i}`,
      label: `G${i}`,
      quota: 1,
      weight: weight as number | null,
    }));
    const policy = policyFromForm(
      { ...defaultPolicy(), groups: [{ code: 'old', label: 'Old', weight: 9 }] },
      { scale: defaultPolicy().scale, unknownInDenominator: true, evaluatorGroups: groups },
    );
    expect(policy.groups?.map((g) => g.weight)).toEqual(expected);
    expect(policy.unknownInDenominator).toBe(true);
  });
});

describe('newCampaignDefaults', () => {
  it('copies the latest campaign a year later', () => {
    const latest = campaignRecord({
      ...serverCampaign,
      phases: [{ code: 'x', label: 'X', start: '2024-02-29', end: '2024-03-10' }],
      year: 2024,
      name: '2024年度评议',
    });
    const next = newCampaignDefaults(2025, latest);
    expect(next.name).toBe('2025年度评议');
    expect(next.phases).toEqual([{ code: 'x', label: 'X', start: '2025-02-28', end: '2025-03-10' }]);
    expect(next.previousCampaignId).toBe('7');
    expect(next.policy?.strategy.code).toBe('trimmed-mean');
  });

  it('starts from the seed plan when there is no campaign', () => {
    const first = newCampaignDefaults(2027);
    expect(first.phases?.map((p) => `${p.code} ${p.start}..${p.end}`)).toEqual([
      'mobilization 2027-06-18..2027-06-30',
      'implementation 2027-07-01..2027-10-15',
      'appraisal 2027-10-16..2027-11-15',
      'rectification 2027-11-16..2027-12-31',
    ]);
    expect(first.scale?.map((l) => l.points)).toEqual([100, 85, 70, 55, 40, null]);
  });
});

describe('small helpers', () => {
  it.each([
    ['policyJson.scale.2.points', 'scale.2.points'],
    ['policyJson.groups', 'policyJson.groups'],
    ['phases.1.start', 'phases.1.start'],
  ])('campaignFormField(%s) = %s', (path, field) => expect(campaignFormField(path)).toBe(field));

  it('formats dates from inputs', () => {
    expect(isoDate('2026-10-16')).toBe('2026-10-16');
    expect(isoDate(new Date(2026, 9, 16))).toBe('2026-10-16');
    expect(isoDate(undefined)).toBe('');
  });
});
