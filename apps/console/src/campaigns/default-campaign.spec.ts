import { describe, expect, it } from 'vitest';
import { defaultCampaign } from './default-campaign';

const campaign = (id: string, year: number, start: string, end: string) => ({
  id,
  year,
  timeZone: 'Asia/Shanghai',
  phases: [
    { code: 'mobilization', label: '动员部署', start, end: start },
    { code: 'rectification', label: '整改提高', start: end, end },
  ],
});

describe('the default campaign', () => {
  const live = campaign('live', 2026, '2026-06-18', '2026-12-31');
  const next = campaign('next', 2027, '2027-06-18', '2027-12-31');
  const past = campaign('past', 2025, '2025-06-18', '2025-12-31');

  it('is the campaign whose phases contain today, not next year set up in advance', () => {
    expect(defaultCampaign([next, live, past], new Date('2026-12-01T04:00:00Z'))?.id).toBe('live');
  });

  it('is the latest that has started when none is running', () => {
    expect(defaultCampaign([next, live, past], new Date('2027-02-01T04:00:00Z'))?.id).toBe('live');
  });

  it('is the next to start when none has started', () => {
    expect(defaultCampaign([next, live], new Date('2026-01-01T04:00:00Z'))?.id).toBe('live');
  });

  it('reads today in the campaign time zone', () => {
    // 2026-06-17 17:00 UTC is already 06-18 in Shanghai
    expect(defaultCampaign([live, past], new Date('2026-06-17T17:00:00Z'))?.id).toBe('live');
    expect(defaultCampaign([live, past], new Date('2026-06-17T15:00:00Z'))?.id).toBe('past');
  });
});
