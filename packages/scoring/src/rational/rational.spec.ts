import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPingyiError } from '@pingyi/domain';
import { Rational } from './rational.js';

const r = (n: number, d = 1) => Rational.of(n, d);

describe('Rational', () => {
  it.each([
    [r(2, 4), '1/2'],
    [r(-2, 4), '-1/2'],
    [r(2, -4), '-1/2'],
    [r(0, -7), '0'],
    [r(10, 5), '2'],
  ])('normalizes %s', (value, text) => {
    expect(value.toString()).toBe(text);
    expect(value.denominator > 0n).toBe(true);
  });

  it.each([
    [85.5, '171/2'],
    [0.1, '1/10'],
    [-0.25, '-1/4'],
    [100, '100'],
    [1e-7, '1/10000000'],
    [1.5e21, '1500000000000000000000'],
    [-0, '0'],
    [2.675, '107/40'],
  ])('fromNumber(%s) is the exact value of the shortest decimal: %s', (value, text) => {
    expect(Rational.fromNumber(value).toString()).toBe(text);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('fromNumber(%s) is an error', (value) => {
    expect(() => Rational.fromNumber(value)).toThrow(/not a finite number/);
  });

  it.each([
    ['12.50', '25/2'],
    ['-0.005', '-1/200'],
    ['1e3', '1000'],
    ['.5', '1/2'],
    ['7.', '7'],
  ])('parse(%s)', (text, value) => {
    expect(Rational.parse(text).toString()).toBe(value);
  });

  it.each([[''], ['abc'], ['1.2.3'], ['--1'], ['.']])('parse(%j) is an error', (text) => {
    expect(() => Rational.parse(text)).toThrow(/not a decimal number/);
  });

  it('does exact arithmetic', () => {
    expect(r(1, 3).add(r(1, 6)).toString()).toBe('1/2');
    expect(r(1, 3).sub(r(1, 2)).toString()).toBe('-1/6');
    expect(r(2, 3).mul(r(9, 4)).toString()).toBe('3/2');
    expect(r(2, 3).div(r(4, 9)).toString()).toBe('3/2');
    expect(Rational.fromNumber(0.1).add(Rational.fromNumber(0.2)).equals(Rational.fromNumber(0.3))).toBe(true);
  });

  it('refuses a zero denominator with a coded error', () => {
    let caught: unknown;
    try {
      r(1).div(Rational.ZERO);
    } catch (error) {
      caught = error;
    }
    expect(isPingyiError(caught, 'DIVISION_BY_ZERO')).toBe(true);
  });

  it.each([
    [r(1, 3), r(1, 2), -1],
    [r(1, 2), r(2, 4), 0],
    [r(-1, 2), r(-2, 3), 1],
  ] as const)('compare(%s, %s) = %i', (a, b, expected) => {
    expect(a.compare(b)).toBe(expected);
  });

  it.each([
    [r(7, 2), 3n],
    [r(-7, 2), -4n],
    [r(-4, 2), -2n],
    [r(0), 0n],
  ])('floor(%s) = %s', (value, expected) => {
    expect(value.floor()).toBe(expected);
  });

  // 四舍五入: a half rounds away from zero, decided exactly.
  it.each([
    ['201 ÷ 20000 × 100', r(201, 20000).mul(Rational.HUNDRED), 2, '1.01'],
    ['1.005', Rational.parse('1.005'), 2, '1.01'],
    ['1.00499999', Rational.parse('1.00499999'), 2, '1.00'],
    ['2.675 (below half in binary)', Rational.fromNumber(2.675), 2, '2.68'],
    ['0.5', r(1, 2), 0, '1'],
    ['1.5', r(3, 2), 0, '2'],
    ['2.5', r(5, 2), 0, '3'],
    ['-0.5', r(-1, 2), 0, '-1'],
    ['-1.005', Rational.parse('-1.005'), 2, '-1.01'],
    ['-0.004 (no negative zero)', Rational.parse('-0.004'), 2, '0.00'],
    ['1/3', r(1, 3), 4, '0.3333'],
    ['2/3', r(2, 3), 4, '0.6667'],
    ['1/8', r(1, 8), 2, '0.13'],
    ['whole', r(93), 2, '93.00'],
    ['large counts', Rational.of(123456789012345678901234567n * 100n + 50n, 100n), 0, '123456789012345678901234568'],
    ['0 places below half', r(49, 100), 0, '0'],
  ])('%s to %i places → %s', (_name, value, decimals, text) => {
    expect(value.toFixed(decimals)).toBe(text);
  });

  it('toNumber gives the short decimal back', () => {
    expect(r(201, 20000).mul(Rational.HUNDRED).toNumber(2)).toBe(1.01);
    expect(JSON.stringify(r(11, 10).toNumber(2))).toBe('1.1');
    expect(JSON.stringify(r(1, 3).toNumber(6))).toBe('0.333333');
  });

  it.each([
    [r(1, 8), 3, true],
    [r(1, 8), 2, false],
    [r(1, 3), 10, false],
    [r(7), 0, true],
  ])('isExactAt(%s, %i) = %s', (value, decimals, exact) => {
    expect(value.isExactAt(decimals)).toBe(exact);
  });

  it('rejects a bad number of decimals', () => {
    expect(() => r(1).toFixed(-1)).toThrow(/decimals/);
    expect(() => r(1).toFixed(1.5)).toThrow(/decimals/);
  });

  it('property: rounding agrees with exact decimal arithmetic on integers', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.integer({ min: 0, max: 6 }),
        (n, d, decimals) => {
          const value = Rational.of(n, d);
          const rounded = value.roundHalfUp(decimals);
          const step = Rational.of(1n, 10n ** BigInt(decimals));
          const half = step.mul(Rational.of(1n, 2n));
          const distance = value.sub(rounded);
          const absDistance = distance.compare(Rational.ZERO) < 0 ? distance.neg() : distance;
          // within half a step, and an exact half always moved away from zero
          expect(absDistance.compare(half)).toBeLessThanOrEqual(0);
          if (absDistance.equals(half))
            expect(Math.sign(Number(rounded.numerator))).toBe(Math.sign(Number(value.numerator)));
          expect(rounded.isExactAt(decimals)).toBe(true);
        },
      ),
    );
  });

  it('property: fromNumber round-trips through the decimal text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (value) => {
        const exact = Rational.fromNumber(value);
        expect(Number(exact.numerator) / Number(exact.denominator)).toBeCloseTo(value, 6);
      }),
    );
  });
});
