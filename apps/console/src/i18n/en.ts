import englishMessages from 'ra-language-english';
import { type TranslationMessages } from 'react-admin';

/**
 * English labels. The source of every key: zh.ts must have the same shape
 * (checked by its type and by i18n.spec.ts, which also compares placeholders).
 */
export const en = {
  ra: englishMessages.ra,
  pingyi: {
    app: {
      title: 'Pingyi',
      subtitle: 'Democratic appraisal of the bureau',
      language: 'Language',
    },
    auth: {
      signed_out: 'Please sign in',
      session_expired: 'Your session has expired; please sign in again',
      welcome: 'Sign in to run the appraisal campaign',
      unit: 'Unit',
      roles: 'Roles',
    },
    roles: {
      admin: 'Administrator',
      office: 'Appraisal office',
      liaison: 'Unit liaison',
      inspector: 'Discipline inspector',
      leader: 'Leader',
    },
    menu: {
      dashboard: 'Dashboard',
      campaign: 'Campaign',
      appraisal: 'Appraisal',
      rectification: 'Rectification',
      system: 'System',
    },
    common: {
      yes: 'Yes',
      no: 'No',
      none: 'None',
      all: 'All',
      loading: 'Loading…',
      retry: 'Retry',
      saved: 'Saved',
      done: 'Done',
      search: 'Search',
      active: 'Active',
      inactive: 'Inactive',
      success: 'Succeeded',
      failure: 'Failed',
      from: 'From',
      to: 'To',
      details: 'Details',
      not_available: 'Not yet available on this server',
    },
    errors: {
      NETWORK: 'Cannot reach the server (%{detail}). Check the network and retry.',
      UNAUTHENTICATED: 'Your session has expired; please sign in again',
      FORBIDDEN: 'Your role may not do this (%{detail})',
      NOT_FOUND: 'Not found, or outside what you may see',
      INVALID_ARGUMENT: 'Please check the input: %{detail}',
      BAD_USER_INPUT: 'The request was malformed: %{detail}',
      GRAPHQL_VALIDATION_FAILED: 'The console and the server disagree (%{detail}); reload the page',
      QUERY_LIMIT_EXCEEDED: 'The request was too large: %{detail}',
      INTERNAL_SERVER_ERROR: 'The server ran into a problem (%{detail}). Please retry or tell the administrator.',
      INVALID_CREDENTIALS: 'Wrong username or password',
      TOO_MANY_ATTEMPTS: 'Too many failed sign-ins; wait 15 minutes and try again',
      USERNAME_TAKEN: 'This username is already taken',
      SELF_LOCKOUT: 'You cannot deactivate yourself or remove your own administrator role',
      BUREAU_CODE_TAKEN: 'This bureau code is already taken',
    },
    operations: {
      login: 'Sign in',
      logout: 'Sign out',
      changePassword: 'Change password',
      createUser: 'Create user',
      updateUser: 'Edit user',
      setUserActive: 'Activate or deactivate user',
      resetUserPassword: 'Reset password',
      createBureau: 'Create bureau',
    },
    home: {
      welcome: 'Welcome, %{name}',
      bureau: 'Bureau',
      signed_in_as: 'Signed in as %{roles}',
      unit: 'Unit: %{unit}',
      pages: 'What you can do here',
    },
    password: {
      change: 'Change password',
      current: 'Current password',
      new: 'New password',
      repeat: 'Repeat the new password',
      mismatch: 'The two new passwords differ',
      changed: 'Password changed',
    },
  },
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username',
        displayName: 'Name',
        roles: 'Roles',
        unitCode: 'Unit',
        active: 'Status',
        createdAt: 'Created',
        updatedAt: 'Updated',
        password: 'Initial password',
        q: 'Search',
        role: 'Role',
      },
      help: {
        username: '3 to 64 letters, digits, ".", "_" or "-"; cannot be changed later',
        password: 'At least 8 characters; the user should change it after signing in',
        unitCode: 'Required for a unit liaison: the code of the unit they act for',
      },
      actions: {
        deactivate: 'Deactivate',
        activate: 'Activate',
        deactivated: 'User deactivated and signed out everywhere',
        activated: 'User activated',
        reset_password: 'Reset password',
        reset_password_title: 'Set a new password for %{name}',
        reset_done: 'Password reset; the user is signed out everywhere',
      },
    },
    auditLog: {
      name: 'Audit log entry |||| Audit log',
      fields: {
        at: 'Time',
        username: 'User',
        operation: 'Operation',
        args: 'Arguments',
        success: 'Outcome',
        errorCode: 'Error code',
        requestId: 'Request',
        ip: 'Client address',
        from: 'From',
        to: 'Before',
      },
    },
  },
} as const;

/** The same keys as `T`, any strings. */
export type Shape<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The shape every language file has: react-admin's labels plus the console's, key for key. */
export type Messages = { ra: TranslationMessages['ra'] } & Shape<Omit<typeof en, 'ra'>>;
