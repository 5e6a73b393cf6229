import { isPingyiError, type PingyiError } from '@pingyi/domain';
import { createStrategyRegistry } from '@pingyi/scoring';
import { describe, expect, it } from 'vitest';
import { campaignConfigFromTemplate } from './campaign-config';
import { formatCampaignConfig, formatOfFileName, parseCampaignConfigText } from './campaign-config-text';
import { checkCampaignConfig } from './check-campaign-config';
import { SEED_TEMPLATE } from './seed-template';

const config = campaignConfigFromTemplate(SEED_TEMPLATE, 2026);

function failure(fn: () => unknown): PingyiError {
  try {
    fn();
  } catch (error) {
    if (isPingyiError(error)) return error;
    throw error;
  }
  throw new Error('expected a PingyiError');
}

describe('campaign configuration text', () => {
  it.each(['json', 'yaml'] as const)(
    'writes %s that reads back to the same configuration, which passes the check',
    (format) => {
      const text = formatCampaignConfig(config, format);
      const back = parseCampaignConfigText(text, format);
      expect(back).toEqual(JSON.parse(JSON.stringify(config)));
      expect(checkCampaignConfig(back, createStrategyRegistry()).ok).toBe(true);
    },
  );

  it('writes YAML people can edit: Chinese as is, no folded lines, no anchors', () => {
    const text = formatCampaignConfig(config, 'yaml');
    expect(text).toMatch(/^# Pingyi campaign configuration/);
    expect(text).toContain('name: 交警支队');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.split('\n').find((line) => line.includes('guidingPrinciple:'))).toContain('坚持以邓小平理论');
  });

  it('reports JSON syntax errors with line and column', () => {
    const error = failure(() =>
      parseCampaignConfigText('{\n  "format": "pingyi-campaign",\n  "version": 1,,\n}', 'json'),
    );
    expect(error.code).toBe('INVALID_CAMPAIGN_CONFIG');
    expect(error.details?.problems).toEqual([
      { path: 'line 3, column 16', message: expect.any(String), code: 'INVALID_CAMPAIGN_CONFIG', line: 3 },
    ]);
    expect(error.message).toMatch(/^not valid JSON: line 3, column 16: /);
  });

  it('reports every YAML syntax error with its line, and refuses duplicate keys', () => {
    const error = failure(() =>
      parseCampaignConfigText('format: pingyi-campaign\nversion: 1\nversion: 2\ncampaign: [a, b\n', 'yaml'),
    );
    const problems = error.details?.problems as { path: string; line: number; message: string }[];
    // the repeated key where it repeats; the unclosed flow sequence where the text ends
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      ['line 3, column 1', expect.stringMatching(/Map keys must be unique/)],
      ['line 5, column 1', expect.stringMatching(/flow sequence/i)],
    ]);
  });

  it('reads only plain data from YAML and limits aliases', () => {
    expect(parseCampaignConfigText('a: !!js/function "() => 1"\n', 'yaml')).toEqual({ a: '() => 1' });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(failure(() => parseCampaignConfigText(bomb, 'yaml')).message).toMatch(/not valid YAML/);
  });

  it.each([
    ['campaign-2026.json', 'json'],
    ['CAMPAIGN.YML', 'yaml'],
    ['c.yaml', 'yaml'],
    ['c.txt', null],
  ])('takes the format of %s from its name', (file, format) => {
    expect(formatOfFileName(file)).toBe(format);
  });

  it('refuses an unknown format', () => {
    expect(() => formatCampaignConfig(config, 'xml' as never)).toThrow('format: must be json or yaml, got "xml"');
  });
});
