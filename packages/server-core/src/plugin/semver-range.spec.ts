import { describe, expect, it } from 'vitest';
import { compareVersions, parseRange, parseVersion, satisfiesRange } from './semver-range';

describe('satisfiesRange', () => {
  it.each([
    // caret
    ['0.1.0', '^0.1.0', true],
    ['0.1.9', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['0.0.9', '^0.1.0', false],
    ['1.9.9', '^1.2.3', true],
    ['1.2.2', '^1.2.3', false],
    ['2.0.0', '^1.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['0.9.0', '^0.x', true],
    ['1.0.0', '^0.x', false],
    ['0.1.5', '^0.1', true],
    ['0.2.0', '^0.1', false],
    ['1.5.0', '^1', true],
    // tilde
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.2.0', '~1.2', true],
    ['1.9.0', '~1', true],
    ['2.0.0', '~1', false],
    // comparators and sets
    ['0.1.0', '>=0.1.0 <0.3.0', true],
    ['0.3.0', '>=0.1.0 <0.3.0', false],
    ['0.1.0', '>= 0.1.0 < 0.3.0', true],
    ['1.3.0', '>1.2', true],
    ['1.2.9', '>1.2', false],
    ['1.2.9', '<=1.2', true],
    ['1.3.0', '<=1.2', false],
    ['1.1.9', '<1.2', true],
    ['1.2.0', '<1.2', false],
    ['1.2.3', '=1.2.3', true],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '1.2.3', false],
    // x-ranges
    ['3.7.1', '*', true],
    ['1.2.7', '1.2.x', true],
    ['1.3.0', '1.2.x', false],
    ['1.0.0', '1.X', true],
    ['1.4.2', '1', true],
    ['0.0.0', '', false],
    // hyphen and alternatives
    ['1.5.0', '1.2.3 - 1.6', true],
    ['1.7.0', '1.2.3 - 1.6', false],
    ['2.1.0', '^1.0.0 || ^2.0.0', true],
    ['3.0.0', '^1.0.0 || ^2.0.0', false],
    // pre-releases satisfy only comparators on their own version
    ['1.0.0-rc.1', '^1.0.0', false],
    ['1.0.0-rc.2', '^1.0.0-rc.1', true],
    ['1.1.0-rc.1', '^1.0.0-rc.1', false],
    ['1.0.0-rc.1', '*', false],
    // where the hand-written matcher differed from npm: a "-0" lower bound admits its own version's pre-releases
    ['2.0.0-rc.1', '>=2.0.0-0', true],
    ['2.0.0-0', '>=2.0.0-0', true],
    ['2.1.0-rc.1', '>=2.0.0-0', false],
    ['1.9.9', '>=2.0.0-0', false],
  ])('%s in %j → %s', (version, range, expected) => {
    if (range === '') {
      expect(parseRange(range)).toBeNull();
      return;
    }
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each(['^', 'abc', '>=1.2.3 <', '1.2.3.4', '^1.2.3 - 2', '~>'])('refuses the malformed range %j', (range) => {
    expect(parseRange(range)).toBeNull();
    expect(() => satisfiesRange('1.0.0', range)).toThrow(/is not a version range/);
  });

  it('refuses a malformed version', () => {
    expect(() => satisfiesRange('1.0', '^1.0.0')).toThrow('"1.0" is not a version (MAJOR.MINOR.PATCH)');
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-beta.11', 1],
    ['2.0.0', '1.9.9', 1],
    ['1.10.0', '1.9.0', 1],
  ])('%s vs %s → %d', (a, b, expected) => {
    expect(compareVersions(parseVersion(a)!, parseVersion(b)!)).toBe(expected);
    expect(compareVersions(parseVersion(b)!, parseVersion(a)!)).toBe(-expected || 0);
  });
});
