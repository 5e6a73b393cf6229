import { registerEnumType } from '@nestjs/graphql';

/** What a user may do. A user has one or more roles; a `liaison` also has a unit. */
export enum Role {
  /** Bureau configuration and users. */
  admin = 'admin',
  /** The appraisal office: runs the campaign, codes, imports, results. */
  office = 'office',
  /** One unit's contact: its plan, work items and rectification items. */
  liaison = 'liaison',
  /** Discipline inspectors: inspections, notices, supervision. */
  inspector = 'inspector',
  /** Read-only dashboards. */
  leader = 'leader',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, { name: 'Role', description: 'What a user may do (admin, office, liaison, inspector, leader)' });

/** Anyone, signed in or not (login, casting a ballot with a code). */
export const Public = 'public' as const;
/** Any signed-in user, whatever the role (me, logout, changePassword). */
export const Authenticated = 'authenticated' as const;

/** What `@Allow` accepts. */
export type Permission = Role | typeof Public | typeof Authenticated;
