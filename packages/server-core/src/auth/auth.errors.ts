import { defineErrorResult } from '../common/error-result';

export const InvalidCredentialsError = defineErrorResult(
  'INVALID_CREDENTIALS',
  'InvalidCredentialsError',
  'Unknown username or wrong password (the same answer for both)',
);
export const TooManyAttemptsError = defineErrorResult(
  'TOO_MANY_ATTEMPTS',
  'TooManyAttemptsError',
  'Too many failed sign-ins for this username from this address; wait and try again',
);
export const UsernameTakenError = defineErrorResult(
  'USERNAME_TAKEN',
  'UsernameTakenError',
  'Another user already has this username',
);
export const SelfLockoutError = defineErrorResult(
  'SELF_LOCKOUT',
  'SelfLockoutError',
  'Admins cannot remove their own admin role or deactivate themselves',
);
export const BureauCodeTakenError = defineErrorResult(
  'BUREAU_CODE_TAKEN',
  'BureauCodeTakenError',
  'Another bureau already has this code',
);
