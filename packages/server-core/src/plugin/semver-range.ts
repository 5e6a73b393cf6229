// A small semver range matcher for plugin `compatibility` ranges, in npm's
// dialect: `^1.2.3`, `~1.2`, `>=0.1.0 <0.3.0`, `1.x`, `*`, `1.2.3 - 1.4`,
// alternatives joined by `||`. Pre-release versions (`1.0.0-rc.1`) satisfy a
// range only through a comparator on the same major.minor.patch, as in npm.

/** A parsed version: major, minor, patch and pre-release identifiers. */
export interface SemanticVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
}

type Operator = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  readonly operator: Operator;
  readonly version: SemanticVersion;
}
/** Alternatives (`||`), each a set of comparators that must all hold. */
type ParsedRange = readonly (readonly Comparator[])[];

const NUMBER = '0|[1-9]\\d*';
const IDENT = '[0-9A-Za-z-]+';
const VERSION = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`);
// A partial version in a range: `1`, `1.2`, `1.2.3`, with x/X/* wildcards.
const PARTIAL = new RegExp(`^v?(${NUMBER}|[xX*])(?:\\.(${NUMBER}|[xX*])(?:\\.(${NUMBER}|[xX*])(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`);

/** Parses `1.2.3` or `1.2.3-rc.1+build`; null when it is not a version. */
export function parseVersion(text: string): SemanticVersion | null {
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: prereleaseOf(match[4]) };
}

function prereleaseOf(text: string | undefined): (string | number)[] {
  return text === undefined ? [] : text.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
}

/** Orders two versions as semver does (a pre-release comes before its release). */
export function compareVersions(a: SemanticVersion, b: SemanticVersion): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i += 1) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1; // numeric identifiers sort before alphanumeric ones
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const v = (major: number, minor: number, patch: number, prerelease: readonly (string | number)[] = []): SemanticVersion => ({ major, minor, patch, prerelease });
const ANY: readonly Comparator[] = [{ operator: '>=', version: v(0, 0, 0) }];

interface PartialVersion {
  readonly major: number | null;
  readonly minor: number | null;
  readonly patch: number | null;
  readonly prerelease: readonly (string | number)[];
}

function parsePartial(text: string): PartialVersion | null {
  const match = PARTIAL.exec(text);
  if (!match) return null;
  const part = (value: string | undefined): number | null => (value === undefined || /^[xX*]$/.test(value) ? null : Number(value));
  const major = part(match[1]);
  const minor = major === null ? null : part(match[2]);
  const patch = minor === null ? null : part(match[3]);
  return { major, minor, patch, prerelease: patch === null ? [] : prereleaseOf(match[4]) };
}

/** The comparators one range token stands for (`^1.2`, `>=1`, `1.x`...). */
function comparatorsOf(token: string): readonly Comparator[] | null {
  const match = /^(\^|~>?|>=|<=|>|<|=)?\s*(.+)$/.exec(token);
  if (!match) return null;
  const operator = match[1] ?? '';
  const p = parsePartial(match[2] as string);
  if (!p) return null;
  const { major, minor, patch, prerelease } = p;
  if (major === null) return operator === '<' || operator === '>' ? [{ operator: '<', version: v(0, 0, 0, [0]) }] : ANY;
  const low = v(major, minor ?? 0, patch ?? 0, prerelease);
  // The first version above the partial: 1.2 → 1.3.0, 1 → 2.0.0.
  const next = minor === null ? v(major + 1, 0, 0, [0]) : patch === null ? v(major, minor + 1, 0, [0]) : null;
  switch (operator) {
    case '^': {
      const upper =
        major > 0 || minor === null
          ? v(major + 1, 0, 0, [0])
          : minor > 0 || patch === null
            ? v(0, minor + 1, 0, [0])
            : v(0, 0, patch + 1, [0]);
      return [{ operator: '>=', version: low }, { operator: '<', version: upper }];
    }
    case '~':
    case '~>':
      return [{ operator: '>=', version: low }, { operator: '<', version: minor === null ? v(major + 1, 0, 0, [0]) : v(major, minor + 1, 0, [0]) }];
    case '>':
      return [next ? { operator: '>=', version: next } : { operator: '>', version: low }];
    case '<=':
      return [next ? { operator: '<', version: next } : { operator: '<=', version: low }];
    case '>=':
    case '<':
      return [{ operator, version: low }];
    default:
      return next ? [{ operator: '>=', version: low }, { operator: '<', version: next }] : [{ operator: '=', version: low }];
  }
}

/** Parses a range; null when it is malformed. */
export function parseRange(range: string): ParsedRange | null {
  if (typeof range !== 'string' || range.trim() === '') return null;
  const alternatives: Comparator[][] = [];
  for (const alternative of range.split('||')) {
    const text = alternative.trim();
    if (text === '') {
      alternatives.push([...ANY]);
      continue;
    }
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) {
      const from = comparatorsOf(`>=${hyphen[1]}`);
      const to = comparatorsOf(`<=${hyphen[2]}`);
      if (!from || !to) return null;
      alternatives.push([...from, ...to]);
      continue;
    }
    // `>= 1.2.3` may be written with a space after the operator.
    const tokens = text.replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/);
    const set: Comparator[] = [];
    for (const token of tokens) {
      const comparators = comparatorsOf(token);
      if (!comparators) return null;
      set.push(...comparators);
    }
    alternatives.push(set);
  }
  return alternatives;
}

function holds(comparator: Comparator, version: SemanticVersion): boolean {
  const order = compareVersions(version, comparator.version);
  switch (comparator.operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      return order === 0;
  }
}

const sameCore = (a: SemanticVersion, b: SemanticVersion): boolean => a.major === b.major && a.minor === b.minor && a.patch === b.patch;

/**
 * Whether `version` satisfies `range` (npm semantics). Throws when either is
 * malformed; use {@link parseRange} to check a range first.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed) throw new Error(`"${version}" is not a version (MAJOR.MINOR.PATCH)`);
  const alternatives = parseRange(range);
  if (!alternatives) throw new Error(`"${range}" is not a version range`);
  return alternatives.some((set) => {
    if (!set.every((comparator) => holds(comparator, parsed))) return false;
    if (parsed.prerelease.length === 0) return true;
    // The internal "-0" bounds (`<2.0.0-0`) never admit a pre-release on their own.
    return set.some((comparator) => comparator.version.prerelease.length > 0 && !isLowestPrerelease(comparator.version) && sameCore(comparator.version, parsed));
  });
}

function isLowestPrerelease(version: SemanticVersion): boolean {
  return version.prerelease.length === 1 && version.prerelease[0] === 0;
}
