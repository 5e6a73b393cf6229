import { refusal } from '@pingyi/domain';
import { ALL_ROLES, Role } from '../common/roles';
import { checkCode, checkList, checkOneOf, checkText } from '../common/validation';

// Checks of user fields shared by user management, bureau creation and first start.

const USERNAME = {
  regex: /^[a-z0-9][a-z0-9._-]*$/i,
  description: 'letters, digits, ".", "_" or "-", starting with a letter or digit',
};

/** A username: 3-64 characters, returned lower-case. */
export function checkUsername(value: unknown, path: string): string {
  return checkText(value, path, { min: 3, max: 64, pattern: USERNAME }).toLowerCase();
}

export function checkDisplayName(value: unknown, path: string): string {
  return checkText(value, path, { max: 100 });
}

/** One or more distinct roles. */
export function checkRoles(value: unknown, path: string): Role[] {
  const roles = checkList(value, path, ALL_ROLES.length, (v, at) => checkOneOf(v, at, ALL_ROLES), 1);
  if (new Set(roles).size !== roles.length) throw refusal('INVALID_ARGUMENT', 'roleRepeated', {}, path);
  return roles;
}

/** A liaison needs a unit; other roles have none. */
export function checkUnitFor(roles: readonly Role[], unitCode: unknown, path: string): string | null {
  const blank = unitCode === null || unitCode === undefined || unitCode === '';
  if (roles.includes(Role.liaison)) {
    if (blank) throw refusal('INVALID_ARGUMENT', 'liaisonNeedsUnit', {}, path);
    return checkCode(unitCode, path);
  }
  if (!blank) throw refusal('INVALID_ARGUMENT', 'onlyLiaisonHasUnit', {}, path);
  return null;
}
