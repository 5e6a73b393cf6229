import { describe, expect, it } from 'vitest';
import { formatPercent, percentOfShare } from './percent';

describe('rates', () => {
  it('shows a share from 0 to 1 as a percentage, like the ledger', () => {
    expect(formatPercent(percentOfShare(1 / 3))).toBe('33.33%');
    expect(formatPercent(percentOfShare(1))).toBe('100%');
    expect(formatPercent(percentOfShare(0))).toBe('0%');
    expect(formatPercent(percentOfShare(null))).toBe('—');
  });

  it('rounds a percentage to the decimals asked for', () => {
    expect(formatPercent(66.666)).toBe('66.67%');
    expect(formatPercent(66.666, 0)).toBe('67%');
  });
});
