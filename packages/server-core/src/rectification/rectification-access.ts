import {
  allowedEvents,
  OPEN_ITEM_ROLES,
  type RectificationEventType,
  type RectificationItem as DomainItem,
  type RectificationTransition,
  RECTIFICATION_TRANSITIONS,
  type Role as DomainRole,
} from '@pingyi/domain';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';

/** Roles that read every item of their bureau; a liaison reads only their unit's. */
export const BUREAU_WIDE_READERS: readonly Role[] = [Role.admin, Role.office, Role.inspector, Role.leader];

/** Roles that change items of any unit (the domain table decides which events). */
export const BUREAU_WIDE_WRITERS: readonly Role[] = [Role.admin, Role.office, Role.inspector, Role.leader];

/** Every role: the lifecycle table, not the guard, decides who may send which event. */
export const ALL_RECTIFICATION_ROLES = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader] as const;

/** Who may open items (立项): the domain's OPEN_ITEM_ROLES. */
export const OPENING_ROLES = OPEN_ITEM_ROLES.map((role) => role as Role);

/**
 * Who may send events in batches (bulk, CSV): everyone who works items. A
 * leader's only events are placing and lifting supervision, one item at a time.
 */
export const BATCH_ROLES = [Role.admin, Role.office, Role.liaison, Role.inspector] as const;

const domainRoles = (ctx: RequestContext): DomainRole[] => ctx.userOrThrow.roles.map((role) => role as DomainRole);

/**
 * The role a user acts in for one table row: the first of their roles the row
 * allows, else their first role (the domain then refuses it as `wrongRole`).
 */
export function actingRole(ctx: RequestContext, allowed: readonly DomainRole[]): DomainRole {
  const roles = domainRoles(ctx);
  return roles.find((role) => allowed.includes(role)) ?? (roles[0] as DomainRole);
}

/** The actor's unit: a liaison's own unit, `null` for others. */
export const actorUnitOf = (ctx: RequestContext): string | null => ctx.userOrThrow.unitCode;

/** Events the caller may send to `item` now, over all their roles, in table order. */
export function callerAllowedEvents(ctx: RequestContext, item: DomainItem): RectificationEventType[] {
  const allowed = new Set(domainRoles(ctx).flatMap((role) => allowedEvents(item, role, actorUnitOf(ctx))));
  return RECTIFICATION_TRANSITIONS.filter((row: RectificationTransition) => allowed.has(row.event)).map(
    (row) => row.event,
  );
}
