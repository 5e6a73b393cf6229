import { type Role, type SessionUser } from './session';

/** What a role may do on a resource or page: react-admin actions. */
export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | string;

type Grant = readonly Action[] | 'all';

const READ: Grant = ['list', 'show'];
const PAGE: Grant = ['access'];

/**
 * Who may do what in the console, by role. The server checks every call
 * again; this only decides which menus, pages and buttons are shown.
 * Pages that are not resources (dashboard, results, policy) use the action `access`.
 */
export const ACCESS: Readonly<Record<string, Partial<Record<Role, Grant>>>> = {
  // users are deactivated, never deleted (their name stays in the audit log)
  users: { admin: ['list', 'show', 'create', 'edit', 'export'] },
  campaigns: { office: 'all', admin: 'all', liaison: READ, inspector: READ, leader: READ },
  policy: { office: ['access'], admin: ['access'] },
  inbox: { office: PAGE, admin: PAGE, leader: PAGE, inspector: PAGE, liaison: PAGE },
  indicators: { office: ['access', 'edit'], admin: ['access', 'edit'], leader: PAGE, inspector: PAGE, liaison: PAGE },
  ballots: { office: ['access'], admin: ['access'] },
  // the office's documents (GET /documents/...): the notice and report bureau-wide, a liaison their unit's feedback letter
  documents: {
    office: ['results', 'rectification', 'letters', 'contacts'],
    admin: ['results', 'rectification', 'letters', 'contacts'],
    leader: ['results', 'rectification', 'letters'],
    liaison: ['ownLetter'],
  },
  results: {
    office: ['access', 'live', 'publish'],
    admin: ['access', 'live', 'publish'],
    leader: ['access', 'live'],
    liaison: PAGE,
    inspector: PAGE,
  },
  organization: { office: ['access', 'edit'], admin: ['access', 'edit'], liaison: PAGE, inspector: PAGE, leader: PAGE },
  workItems: { office: 'all', admin: 'all', liaison: [...READ, 'report'], inspector: READ, leader: READ },
  themes: { office: READ, admin: READ, liaison: READ, inspector: READ, leader: READ },
  rectificationItems: {
    office: ['list', 'show', 'create', 'upload'],
    admin: ['list', 'show', 'create', 'upload'],
    inspector: ['list', 'show', 'create', 'upload'],
    liaison: ['list', 'show', 'upload'],
    leader: READ,
  },
  inspections: {
    inspector: ['list', 'show', 'create'],
    office: ['list', 'show', 'create'],
    admin: ['list', 'show', 'create'],
    leader: READ,
    liaison: READ,
  },
  criticismNotices: {
    inspector: ['list', 'show', 'create'],
    office: ['list', 'show', 'create'],
    admin: ['list', 'show', 'create'],
    leader: READ,
    liaison: READ,
  },
  accountabilityRecords: {
    inspector: ['list', 'create'],
    office: ['list', 'create'],
    admin: ['list', 'create'],
    leader: ['list'],
    liaison: ['list'],
  },
  policyActions: {
    office: ['list', 'show', 'create', 'edit'],
    admin: ['list', 'show', 'create', 'edit'],
    inspector: READ,
    leader: READ,
    liaison: READ,
  },
  bulletins: {
    office: ['list', 'create', 'edit', 'delete'],
    admin: ['list', 'create', 'edit', 'delete'],
    leader: ['list'],
    inspector: ['list'],
    liaison: ['list'],
  },
  opinions: {
    office: ['list', 'review'],
    admin: ['list', 'review'],
    leader: ['list'],
    inspector: ['list'],
    liaison: ['list'],
  },
  units: { office: READ, admin: READ, liaison: READ, inspector: READ, leader: READ },
  auditLog: { admin: ['list', 'show', 'export'], office: ['list', 'show', 'export'] },
  settings: { admin: ['access', 'edit'], office: ['access', 'edit'] },
};

/** Whether `user` may do `action` on `resource` (a page or a resource). */
export function canAccess(user: Pick<SessionUser, 'roles'> | null, resource: string, action: Action): boolean {
  if (!user) return false;
  const rules = ACCESS[resource];
  if (!rules) return false;
  return user.roles.some((role) => {
    const grant = rules[role];
    return grant === 'all' || (grant?.includes(action) ?? false);
  });
}

/** Whether the user has one of `roles`. */
export function hasRole(user: Pick<SessionUser, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
