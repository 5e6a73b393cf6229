import { describe, expect, it } from 'vitest';
import { groupResponse, type GroupFigures, unitResponse } from './response-rates';

const figures = (overrides: Partial<GroupFigures>): GroupFigures => ({
  code: 'residents',
  label: '城乡居民',
  quota: 1000,
  online: 0,
  codesIssued: 0,
  codesUsed: 0,
  paperDistributed: null,
  paperReceived: 0,
  ballots: 0,
  ...overrides,
});

describe('groupResponse', () => {
  it.each<
    [string, Partial<GroupFigures>, { received: number; distributed: number; rate: number | null; basis: string }]
  >([
    [
      'codes only',
      { online: 239, codesIssued: 1000, codesUsed: 239 },
      { received: 239, distributed: 1000, rate: 23.9, basis: 'issued' },
    ],
    [
      'codes and paper',
      { online: 100, codesIssued: 200, codesUsed: 100, paperDistributed: 300, paperReceived: 201 },
      { received: 301, distributed: 500, rate: 60.2, basis: 'issued' },
    ],
    [
      'paper without the sheets handed out: the quota stands in',
      { online: 100, codesIssued: 200, codesUsed: 100, paperReceived: 50 },
      { received: 150, distributed: 1000, rate: 15, basis: 'quota' },
    ],
    [
      'ballots without codes (loaded): the quota',
      { online: 900 },
      { received: 900, distributed: 1000, rate: 90, basis: 'quota' },
    ],
    [
      'rounded half-up exactly',
      { online: 1, codesIssued: 8, codesUsed: 1 },
      { received: 1, distributed: 8, rate: 12.5, basis: 'issued' },
    ],
  ])('%s', (_name, given, expected) => {
    expect(groupResponse(figures(given), 2, undefined)).toMatchObject({
      ...expected,
      scored: true,
      minResponseRate: null,
    });
  });

  it.each([
    [23.9, true], // exactly at the minimum is scored
    [23.91, false],
  ])('minimum %s → scored %s', (min, scored) => {
    expect(groupResponse(figures({ online: 239, codesIssued: 1000, codesUsed: 239 }), 2, min)).toMatchObject({
      scored,
      minResponseRate: min,
    });
  });

  it("a unit's response rate is its ratings over what every group was handed", () => {
    const responses = [
      groupResponse(figures({ online: 239, codesIssued: 1000, codesUsed: 239 }), 2, undefined),
      groupResponse(figures({ code: 'x', online: 10 }), 2, undefined),
    ];
    expect(unitResponse(201, responses, 2)).toEqual({ responded: 201, distributed: 2000, responseRate: 10.05 });
  });
});
