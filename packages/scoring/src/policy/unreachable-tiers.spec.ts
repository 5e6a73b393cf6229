import { describe, expect, it } from 'vitest';
import { unreachableTiers } from './unreachable-tiers.js';

const tier = (code: string, min: number | null) => ({ code, label: code, min });

describe('unreachableTiers', () => {
  it('finds none in a well-ordered list', () => {
    expect(unreachableTiers([tier('excellent', 90), tier('good', 75), tier('fair', 60), tier('poor', null)])).toEqual(
      [],
    );
  });

  it('finds a tier listed after one with a lower or equal min, and anything after a catch-all', () => {
    const tiers = [tier('good', 60), tier('excellent', 90), tier('same', 60), tier('rest', null), tier('late', 10)];
    expect(unreachableTiers(tiers).map(({ tier: t, shadowedBy }) => [t.code, shadowedBy.code])).toEqual([
      ['excellent', 'good'],
      ['same', 'good'],
      ['late', 'rest'],
    ]);
    expect(
      unreachableTiers([tier('rest', null), tier('good', 60)]).map(({ tier: t, shadowedBy }) => [
        t.code,
        shadowedBy.code,
      ]),
    ).toEqual([['good', 'rest']]);
  });
});
