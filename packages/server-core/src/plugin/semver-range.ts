// Plugin `compatibility` ranges in npm's dialect (`^1.2.3`, `~1.2`,
// `>=0.1.0 <0.3.0`, `1.x`, `*`, `1.2.3 - 1.4`, alternatives joined by `||`),
// decided by npm's own `semver` package: a pre-release (`1.0.0-rc.1`)
// satisfies a range only through a comparator with a pre-release on the same
// major.minor.patch, exactly as npm installs.
import { compare, parse, satisfies, type SemVer, validRange } from 'semver';

/** A parsed version: major, minor, patch and pre-release identifiers. */
export interface SemanticVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
}

/** Parses `1.2.3` or `1.2.3-rc.1+build`; null when it is not a version. */
export function parseVersion(text: string): SemanticVersion | null {
  const parsed: SemVer | null = typeof text === 'string' ? parse(text.trim()) : null;
  return parsed
    ? { major: parsed.major, minor: parsed.minor, patch: parsed.patch, prerelease: [...parsed.prerelease] }
    : null;
}

const format = (version: SemanticVersion): string =>
  `${version.major}.${version.minor}.${version.patch}${version.prerelease.length ? `-${version.prerelease.join('.')}` : ''}`;

/** Orders two versions as semver does (a pre-release comes before its release). */
export function compareVersions(a: SemanticVersion, b: SemanticVersion): number {
  return compare(format(a), format(b));
}

/** Checks a range: its normalized form (`^1.2.3` → `>=1.2.3 <2.0.0-0`); null when it is malformed (an empty range too, though npm reads it as `*`). */
export function parseRange(range: string): string | null {
  if (typeof range !== 'string' || range.trim() === '') return null;
  return validRange(range);
}

/**
 * Whether `version` satisfies `range` (npm semantics). Throws when either is
 * malformed; use {@link parseRange} to check a range first.
 */
export function satisfiesRange(version: string, range: string): boolean {
  if (!parseVersion(version)) throw new Error(`"${version}" is not a version (MAJOR.MINOR.PATCH)`);
  if (!parseRange(range)) throw new Error(`"${range}" is not a version range`);
  return satisfies(version.trim(), range);
}
