import { describe, expect, it } from 'vitest';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';

describe('checkQueryLimits', () => {
  const within = { depth: 1, aliases: 0, directives: 0, rootFields: 1, cost: 1 };
  it.each([
    [{ ...within, depth: 11 }, 'Query is too deep: 11 levels, the limit is 10'],
    [{ ...within, aliases: 16 }, 'Query uses too many aliases: 16, the limit is 15'],
    [{ ...within, directives: 21 }, 'Query uses too many directives: 21, the limit is 20'],
    [{ ...within, rootFields: 21 }, 'Query asks for too many root fields: 21, the limit is 20'],
    [{ ...within, cost: 20_001 }, 'Query is too expensive: estimated cost 20001, the limit is 20000'],
  ])('names the broken limit and its value (%o)', (measured, message) => {
    expect(checkQueryLimits(measured, DEFAULT_QUERY_LIMITS)).toBe(message);
  });

  it('accepts operations within every limit, bounds included', () => {
    expect(checkQueryLimits({ depth: 10, aliases: 15, directives: 20, rootFields: 20, cost: 20_000 })).toBeNull();
  });

  it('leaves the cost out of the structural check (it needs the variables)', () => {
    expect(checkQueryLimits({ ...within, cost: 1e9 }, DEFAULT_QUERY_LIMITS, 'structure')).toBeNull();
  });
});
