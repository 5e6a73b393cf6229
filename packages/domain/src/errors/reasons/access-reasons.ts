import { type ReasonText } from './reason-text.js';

/** Why the caller may not do or see something (`FORBIDDEN`, `UNAUTHENTICATED`). */
export const ACCESS_REASONS = {
  roleNeeded: {
    en: '%{operation} needs one of the roles %{roles}; you have %{yours}',
    zh: '您的角色不能进行此操作，请联系评议办公室或系统管理员',
  },
  closedToAll: { en: '%{operation} is not open to anyone', zh: '此操作未向任何角色开放' },
  signInFirst: { en: 'Sign in first: the token is missing, expired or revoked', zh: '登录已过期，请重新登录' },
  liaisonWithoutUnit: {
    en: 'Your liaison account has no unit; ask an admin to set one',
    zh: '您的联络员账号没有所属单位，请联系系统管理员设置',
  },
  bureauWideRoles: { en: 'This needs one of the roles %{roles}', zh: '您的角色不能查看此内容' },
  ownUnitOnly: {
    en: 'you may only act on your own unit %{unit}, not %{other}',
    zh: '单位联络员只能查看和办理本单位的内容',
  },
  ownUnitReport: { en: 'you report for your own unit %{unit}, not %{other}', zh: '只能为本单位填报进展' },
  unitNotLead: { en: 'your unit %{unit} does not lead work item %{item}', zh: '本单位不是这项重点工作的牵头单位' },
  hostAdminsOnly: { en: 'Only admins of the host bureau manage bureaus', zh: '只有主机关的系统管理员才能管理机关' },
} as const satisfies Record<string, ReasonText>;
