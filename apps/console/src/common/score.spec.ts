import { describe, expect, it } from 'vitest';
import { decimalsOf, formatScore, formatScoreChange, scaleMaxOf } from './score';

describe('scores as the policy rounds them', () => {
  it("keeps trailing zeros to the policy's decimals", () => {
    expect(formatScore(85, 2)).toBe('85.00');
    expect(formatScore(72.5, 2)).toBe('72.50');
    expect(formatScore(72.5, 0)).toBe('73');
    expect(formatScore(90.1, 3)).toBe('90.100');
    expect(formatScore(null, 2)).toBe('—');
    expect(formatScore(Number.NaN, 2)).toBe('—');
  });

  it('signs changes', () => {
    expect(formatScoreChange(1.5, 2)).toBe('+1.50');
    expect(formatScoreChange(-0.25, 2)).toBe('-0.25');
    expect(formatScoreChange(0, 2)).toBe('0.00');
    expect(formatScoreChange(null, 2)).toBe('—');
  });

  it('reads the top of the scale', () => {
    expect(scaleMaxOf(JSON.stringify({ scale: [{ points: 100 }, { points: 40 }, { points: null }] }))).toBe(100);
    expect(scaleMaxOf(JSON.stringify({ scale: [] }))).toBeNull();
    expect(scaleMaxOf('{')).toBeNull();
  });

  it('reads the decimals of a policy, 2 when it does not say', () => {
    expect(decimalsOf(JSON.stringify({ decimals: 1 }))).toBe(1);
    expect(decimalsOf(JSON.stringify({ decimals: 0 }))).toBe(0);
    expect(decimalsOf(JSON.stringify({}))).toBe(2);
    expect(decimalsOf('not json')).toBe(2);
    expect(decimalsOf(JSON.stringify({ decimals: 12 }))).toBe(2);
    expect(decimalsOf(undefined)).toBe(2);
  });
});
