import { describe, expect, it } from 'vitest';
import { RequestContext } from './request-context';
import { Role } from './roles';
import { assertUnitInScope, unitScopeOf } from './scoping';

const as = (roles: Role[], unitCode: string | null = null) =>
  RequestContext.anonymous('r', '127.0.0.1').withUser({
    id: 1,
    username: 'u',
    bureauId: 7,
    roles,
    unitCode,
    tokenId: 1,
  });

const BUREAU_WIDE = [Role.office, Role.admin];

describe('unit scope', () => {
  it.each([
    ['office sees the whole bureau', as([Role.office]), null],
    ['a liaison is confined to their unit', as([Role.liaison], 'traffic'), 'traffic'],
    ['a liaison who is also office sees the whole bureau', as([Role.liaison, Role.office], 'traffic'), null],
  ])('%s', (_name, ctx, expected) => {
    expect(unitScopeOf(ctx, BUREAU_WIDE)).toBe(expected);
  });

  it.each([
    [
      'a leader, here neither bureau-wide nor liaison',
      as([Role.leader]),
      /needs one of the roles office, admin, liaison/,
    ],
    ['a liaison without unit', as([Role.liaison]), /has no unit/],
    ['an anonymous caller', RequestContext.anonymous('r', '1.2.3.4'), /Sign in first/],
  ])('refuses %s', (_name, ctx, message) => {
    expect(() => unitScopeOf(ctx, BUREAU_WIDE)).toThrow(message);
  });

  it('lets a liaison act on their own unit only, naming the argument', () => {
    expect(() => assertUnitInScope(as([Role.liaison], 'traffic'), 'traffic', BUREAU_WIDE, 'input.unit')).not.toThrow();
    expect(() => assertUnitInScope(as([Role.liaison], 'traffic'), 'legal', BUREAU_WIDE, 'input.unit')).toThrow(
      'input.unit: you may only act on your own unit traffic, not legal',
    );
    expect(() => assertUnitInScope(as([Role.office]), 'legal', BUREAU_WIDE, 'input.unit')).not.toThrow();
  });

  it('gives the caller’s bureau, and refuses anonymous callers', () => {
    expect(as([Role.office]).bureauId).toBe(7);
    expect(() => RequestContext.anonymous('r', 'x').bureauId).toThrow(/Sign in first/);
  });
});
