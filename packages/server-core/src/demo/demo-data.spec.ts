import { instantiatePlan, SEED_PLAN, totalQuota, validateBallot } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { generateDemoBallots } from './demo-ballots';
import { generateDemoOpinions } from './demo-opinions';
import { ABSTAIN_OVERRIDES, demoCampaignInput, demoYear, GROUP_BEHAVIOUR, UNIT_PROFILES } from './demo-plan';

const setup = instantiatePlan(SEED_PLAN, 2026);
const spec = {
  seed: 42,
  groups: setup.evaluatorGroups.map((g) => ({
    code: g.code,
    quota: g.quota,
    ...(GROUP_BEHAVIOUR[g.code] as { turnout: number; paper: number; harshness: number }),
  })),
  units: setup.appraisedUnitCodes.map((code) => ({ code, profile: UNIT_PROFILES.current[code] as number[] })),
  levels: setup.scale.map((l) => l.code),
  from: '2026-10-16',
  to: '2026-11-15',
  abstain: 0.04,
  abstainOverrides: ABSTAIN_OVERRIDES,
};

describe('demo data', () => {
  it.each([
    ['2026-11-25', 2026],
    ['2026-10-16', 2026],
    ['2026-10-15', 2025],
    ['2027-03-01', 2026],
  ])('on %s the demo campaign is %i (its appraisal has begun)', (today, year) => {
    expect(demoYear(today)).toBe(year);
  });

  it("uses the seed plan: nine groups with quotas adding up to 10,000, four phases with the seed's dates", () => {
    const input = demoCampaignInput(setup);
    expect(totalQuota(setup.evaluatorGroups)).toBe(10_000);
    expect(input.evaluatorGroups).toHaveLength(9);
    expect(input.phases.map((p) => `${p.code} ${p.start}..${p.end}`)).toEqual([
      'mobilization 2026-06-18..2026-06-30',
      'implementation 2026-07-01..2026-10-15',
      'appraisal 2026-10-16..2026-11-15',
      'rectification 2026-11-16..2026-12-31',
    ]);
    expect(JSON.parse(input.policyJson).scale).toHaveLength(6);
  });

  it("draws the same ballots every time, within each quota and the window, valid by the domain's ballot rules", () => {
    const ballots = generateDemoBallots(spec);
    expect(generateDemoBallots(spec)).toEqual(ballots);
    expect(ballots.length).toBeGreaterThan(8_500);
    expect(ballots.length).toBeLessThanOrEqual(10_000);
    for (const group of setup.evaluatorGroups)
      expect(ballots.filter((b) => b.evaluatorGroupCode === group.code).length).toBeLessThanOrEqual(group.quota);
    const rules = { appraisedUnitCodes: setup.appraisedUnitCodes, scale: setup.scale };
    for (const ballot of ballots) {
      expect(ballot.castOn >= spec.from && ballot.castOn <= spec.to).toBe(true);
      expect(ballot.isDemo).toBe(true);
      expect(() => validateBallot({ ratings: ballot.ratings }, rules)).not.toThrow();
    }
    expect(new Set(ballots.map((b) => b.channel))).toEqual(new Set(['online', 'paper']));
    // the override leaves a small cell for the breakdown to withhold
    const small = ballots.filter(
      (b) => b.evaluatorGroupCode === 'cppccMembers' && b.ratings.some((r) => r.unit === 'border-defense'),
    ).length;
    expect(small).toBeLessThan(5);
  });

  it('draws deterministic opinions in Chinese about the appraised units', () => {
    const opinions = generateDemoOpinions({
      seed: 7,
      count: 300,
      units: setup.appraisedUnitCodes.map((code) => ({ code, weight: 1 })),
      groups: setup.evaluatorGroups,
      from: spec.from,
      to: spec.to,
    });
    expect(opinions).toHaveLength(300);
    expect(
      generateDemoOpinions({
        seed: 7,
        count: 300,
        units: setup.appraisedUnitCodes.map((code) => ({ code, weight: 1 })),
        groups: setup.evaluatorGroups,
        from: spec.from,
        to: spec.to,
      }),
    ).toEqual(opinions);
    expect(new Set(opinions.map((o) => o.unitCode))).toEqual(new Set(setup.appraisedUnitCodes));
    expect(opinions.every((o) => /[\u4e00-\u9fff]/.test(o.text) && o.isDemo)).toBe(true);
    expect(new Set(opinions.map((o) => o.status)).size).toBe(4);
  });
});
