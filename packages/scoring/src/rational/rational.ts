import { PingyiError } from '@pingyi/domain';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** The registered symbol every copy of `@pingyi/scoring` puts on its Rationals (see PINGYI_ERROR in @pingyi/domain). */
const RATIONAL = Symbol.for('pingyi.rational');

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * An exact fraction of two BigInts, always normalized (lowest terms, positive
 * denominator). Scores and rates are computed with it so that rounding is
 * decided by decimal arithmetic, never by binary floating point:
 * `201 ÷ 20000 × 100` is exactly `1.005` and rounds half-up to `1.01`.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly HUNDRED = new Rational(100n, 1n);

  private constructor(
    /** Numerator; carries the sign. */
    readonly numerator: bigint,
    /** Denominator; always positive. */
    readonly denominator: bigint,
  ) {}

  /**
   * A Rational of any copy of this package (a plugin may bundle its own): by
   * the registered symbol, never by `instanceof` alone. Use {@link Rational.from}
   * to get one of this copy.
   */
  static isRational(value: unknown): value is Rational {
    return typeof value === 'object' && value !== null && (value as { [RATIONAL]?: unknown })[RATIONAL] === true;
  }

  /** This copy's Rational for one of any copy (the same fraction). */
  static from(value: Rational | { readonly numerator: bigint; readonly denominator: bigint }): Rational {
    return value instanceof Rational ? value : Rational.of(value.numerator, value.denominator);
  }

  /** `numerator ÷ denominator`; plain numbers must be safe integers. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    const n = toBigInt(numerator);
    const d = toBigInt(denominator);
    if (d === 0n) throw new PingyiError('DIVISION_BY_ZERO', `cannot make a fraction over zero (${n}/0)`);
    const g = gcd(n, d) || 1n;
    const sign = d < 0n ? -1n : 1n;
    return new Rational((sign * n) / g, (sign * d) / g);
  }

  /**
   * The exact value of a JS number's shortest decimal representation, as a
   * person wrote it: `85.5` → 171/2, `0.1` → 1/10 (not the binary double
   * 0.1000000000000000055…).
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new PingyiError('INVALID_NUMBER', `${value} is not a finite number`);
    return Rational.parse(String(value));
  }

  /** Parses a decimal literal such as `-12.5`, `0.005` or `1.5e+21`. */
  static parse(text: string): Rational {
    const match = DECIMAL.exec(text.trim());
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match ?? [];
    if (!match || whole + fraction === '') throw new PingyiError('INVALID_NUMBER', `"${text}" is not a decimal number`);
    const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
    const scale = BigInt(exponent) - BigInt(fraction.length);
    return scale >= 0n ? Rational.of(digits * 10n ** scale) : Rational.of(digits, 10n ** -scale);
  }

  add(other: Rational): Rational {
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  /** Throws `DIVISION_BY_ZERO` for a zero divisor. */
  div(other: Rational): Rational {
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  neg(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  /** -1, 0 or 1 as `this` is below, equal to or above `other`. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** The largest integer not above this value. */
  floor(): bigint {
    const q = this.numerator / this.denominator;
    return this.numerator < 0n && q * this.denominator !== this.numerator ? q - 1n : q;
  }

  /**
   * Rounds to `decimals` places half-up in the 四舍五入 sense: a half goes away
   * from zero, so 1.005 → 1.01 and -1.005 → -1.01 (at two places).
   */
  roundHalfUp(decimals: number): Rational {
    const scale = 10n ** BigInt(checkDecimals(decimals));
    const scaled = abs(this.numerator) * scale;
    let units = scaled / this.denominator;
    if (2n * (scaled % this.denominator) >= this.denominator) units += 1n;
    return Rational.of(this.numerator < 0n ? -units : units, scale);
  }

  /** True when the value has no more than `decimals` decimal places. */
  isExactAt(decimals: number): boolean {
    return (this.numerator * 10n ** BigInt(checkDecimals(decimals))) % this.denominator === 0n;
  }

  /**
   * Rounds half-up (see {@link Rational.roundHalfUp}) and writes exactly
   * `decimals` places: `toFixed(2)` of 1/8 is `"0.13"`. Never `"-0.00"`.
   */
  toFixed(decimals: number): string {
    const rounded = this.roundHalfUp(decimals);
    const scale = 10n ** BigInt(decimals);
    const units = (rounded.numerator * scale) / rounded.denominator;
    const digits = abs(units)
      .toString()
      .padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    const text = decimals === 0 ? whole : `${whole}.${digits.slice(-decimals)}`;
    return units < 0n ? `-${text}` : text;
  }

  /**
   * The rounded value as a JS number: the double nearest to `toFixed(decimals)`,
   * which JSON prints back as that same short decimal (1.01, never 1.0100000001).
   */
  toNumber(decimals: number): number {
    return Number(this.toFixed(decimals));
  }

  /** `"171/2"`, or `"85"` for a whole number: for debugging and test names. */
  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value))
    throw new PingyiError('INVALID_NUMBER', `${value} is not a safe integer; use Rational.fromNumber`);
  return BigInt(value);
}

function checkDecimals(decimals: number): number {
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new PingyiError('INVALID_NUMBER', `decimals must be a non-negative integer, not ${decimals}`);
  }
  return decimals;
}

Object.defineProperty(Rational.prototype, RATIONAL, { value: true });
