import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { unitScopeOf } from '../common/scoping';

/** Roles that read every unit's supervision records; a liaison reads only their unit's. */
export const SUPERVISION_READERS: readonly Role[] = [Role.admin, Role.office, Role.inspector, Role.leader];

/** Everyone who reads supervision records (the service narrows a liaison to their unit). */
export const SUPERVISION_AUDIENCE = [Role.admin, Role.office, Role.inspector, Role.leader, Role.liaison] as const;

/** Inspections, findings, notices and accountability records are written by the inspectors and the office. */
export const INSPECTION_WRITERS = [Role.inspector, Role.office, Role.admin] as const;

/** Policy actions (建章立制) are the office's. */
export const POLICY_WRITERS = [Role.office, Role.admin] as const;

/** The unit a caller is confined to for supervision records, or null for the whole bureau. */
export const supervisionScopeOf = (ctx: RequestContext): string | null => unitScopeOf(ctx, SUPERVISION_READERS);
