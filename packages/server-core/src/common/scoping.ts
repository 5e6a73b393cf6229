import { refusal } from '@pingyi/domain';
import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { type RequestContext } from './request-context';
import { Role } from './roles';

/**
 * Restricts a query to the caller's bureau: every query of tenant-owned rows
 * goes through this (or `{ bureauId: ctx.bureauId }` in find options).
 */
export function whereBureau<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  ctx: RequestContext,
  alias = query.alias,
): SelectQueryBuilder<T> {
  return query.andWhere(`${alias}.bureauId = :scopeBureauId`, { scopeBureauId: ctx.bureauId });
}

/**
 * The unit a caller is confined to for this operation: `null` when one of
 * `bureauWide` roles lets them see/act on the whole bureau, otherwise the
 * liaison's unit. A caller with neither is refused.
 */
export function unitScopeOf(ctx: RequestContext, bureauWide: readonly Role[]): string | null {
  const user = ctx.userOrThrow;
  if (user.roles.some((role) => bureauWide.includes(role))) return null;
  if (user.roles.includes(Role.liaison)) {
    if (!user.unitCode) throw refusal('FORBIDDEN', 'liaisonWithoutUnit', {});
    return user.unitCode;
  }
  throw refusal('FORBIDDEN', 'bureauWideRoles', { roles: [...bureauWide, Role.liaison].join(', ') });
}

/**
 * Refuses a read or write on `unitCode` outside the caller's unit (for a
 * liaison); `path` names the argument that carried the unit.
 */
export function assertUnitInScope(
  ctx: RequestContext,
  unitCode: string,
  bureauWide: readonly Role[],
  path: string,
): void {
  const scope = unitScopeOf(ctx, bureauWide);
  if (scope !== null && scope !== unitCode) {
    throw refusal('FORBIDDEN', 'ownUnitOnly', { unit: scope, other: unitCode }, path);
  }
}

/** Adds `alias.<property> = :unit` when the caller is confined to a unit. */
export function whereUnitInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  ctx: RequestContext,
  bureauWide: readonly Role[],
  property = `${query.alias}.unitCode`,
): SelectQueryBuilder<T> {
  const scope = unitScopeOf(ctx, bureauWide);
  return scope === null ? query : query.andWhere(`${property} = :scopeUnitCode`, { scopeUnitCode: scope });
}
