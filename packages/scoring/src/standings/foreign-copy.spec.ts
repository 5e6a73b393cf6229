import { describe, expect, it } from 'vitest';
import { policyJson, tally } from '../../test/fixtures.js';
import { parsePolicy } from '../policy/parse-policy.js';
import { Rational } from '../rational/rational.js';
import { createStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import { defineScoringStrategy } from '../strategy/scoring-strategy.js';
import { scoreTally } from './score-tally.js';

// A plugin that bundles its own @pingyi/scoring returns that copy's Rationals: a query makes vite evaluate the module again.
async function otherRational(): Promise<typeof Rational> {
  const copy = (await import(/* @vite-ignore */ `../rational/rational.js?copy=${Date.now()}`)) as {
    Rational: typeof Rational;
  };
  return copy.Rational;
}

describe('scoreTally: a strategy from a plugin with its own copy of @pingyi/scoring', () => {
  it('scores Rationals (and explanation steps) made by the other copy', async () => {
    const Other = await otherRational();
    expect(Other).not.toBe(Rational);
    const value = Other.of(201, 2);
    const strategy = defineScoringStrategy({
      code: 'test/other-copy',
      label: 'other copy',
      description: 'returns a Rational of another copy',
      args: {},
      score: () => ({
        score: value as unknown as Rational,
        steps: [{ label: 'half', expression: '201 / 2', value: value as unknown as Rational }],
      }),
    });
    const registry = createStrategyRegistry([strategy]);
    const shape = parsePolicy(policyJson({ strategy: { code: 'test/other-copy' } }), registry);
    const [standing] = scoreTally(tally({ 'legal-affairs': { satisfied: 1 } }, shape), shape, registry).standings;
    expect(standing?.score).toBe(100.5);
    expect(standing?.valid).toBe(true);
  });
});
