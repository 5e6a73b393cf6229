import { ROLES } from '../auth/session';

/** Role choices for inputs, labelled in the user's language. */
export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: `pingyi.roles.${role}` }));
