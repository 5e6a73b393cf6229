import { describe, expect, it } from 'vitest';
import { isFlagSet } from './query-flag';

describe('isFlagSet', () => {
  it('is yes for 1 and true only', () => {
    expect(['1', 'true'].map(isFlagSet)).toEqual([true, true]);
    expect(['0', 'false', 'yes', 'TRUE', '', undefined, ['1']].map(isFlagSet)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
