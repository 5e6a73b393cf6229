import { describe, expect, it } from 'vitest';
import { formatOfConfig, outcomeOf, problemLine } from './campaign-config';

describe('campaign configuration files', () => {
  it('reads the format from the file name, else from the text', () => {
    expect(formatOfConfig('x', 'campaign-2026.yaml')).toBe('YAML');
    expect(formatOfConfig('x', 'c.YML')).toBe('YAML');
    expect(formatOfConfig('x', 'c.json')).toBe('JSON');
    expect(formatOfConfig('  {"format": "pingyi-campaign"}')).toBe('JSON');
    expect(formatOfConfig('# comment\nformat: pingyi-campaign')).toBe('YAML');
  });

  it('keeps every problem of a refusal', () => {
    const outcome = outcomeOf({
      __typename: 'InvalidCampaignConfigError',
      errorCode: 'INVALID_CAMPAIGN_CONFIG',
      message: 'the file has problems',
      problems: [
        { path: 'plan.units[0].code', message: 'duplicate' },
        { path: 'plan.phases[1].start', message: 'overlaps', line: 12 },
      ],
    });
    expect(outcome).toEqual({
      ok: false,
      errorCode: 'INVALID_CAMPAIGN_CONFIG',
      message: 'the file has problems',
      problems: expect.any(Array),
    });
    if (outcome.ok) throw new Error('expected a refusal');
    const translate = (key: string, options?: Record<string, unknown>) =>
      key === 'pingyi.common.line' ? `line ${String(options?.line)}` : String(options?._ ?? key);
    expect(outcome.problems.map((problem) => problemLine(translate, problem))).toEqual([
      'plan.units[0].code: duplicate',
      'plan.phases[1].start (line 12): overlaps',
    ]);
  });

  it('returns the new campaign and tolerates errors without problems', () => {
    expect(outcomeOf({ __typename: 'Campaign', id: '7' })).toEqual({ ok: true, id: '7' });
    expect(
      outcomeOf({ __typename: 'CampaignYearTakenError', errorCode: 'CAMPAIGN_YEAR_TAKEN', message: 'taken' }),
    ).toMatchObject({ ok: false, problems: [] });
  });
});
