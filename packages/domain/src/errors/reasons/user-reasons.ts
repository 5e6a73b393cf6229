import { type ReasonText } from './reason-text.js';

/** Why a user account form is refused. */
export const USER_REASONS = {
  roleRepeated: { en: 'must not repeat a role', zh: '同一角色不能选两次' },
  liaisonNeedsUnit: { en: 'is required for a liaison: the unit they act for', zh: '单位联络员须选择所在单位' },
  onlyLiaisonHasUnit: {
    en: 'only a liaison has a unit; leave it empty for other roles',
    zh: '只有单位联络员才属于某个单位，其他角色请不要选择单位',
  },
  unknownBureauUnit: { en: 'no unit %{unit} in this bureau', zh: '本机关没有这个单位（%{unit}），请从列表中选择' },
  passwordBlank: { en: 'must not be blank', zh: '密码不能全是空格' },
  passwordFewCharacters: { en: 'must use at least 4 different characters', zh: '密码至少要用 4 个不同的字符' },
  passwordCommon: {
    en: 'is one of the most common passwords, which are tried first by anyone guessing; choose another',
    zh: '这是最常见的密码之一，猜密码的人会最先尝试，请换一个',
  },
  samePassword: { en: 'must differ from the current password', zh: '新密码不能与当前密码相同' },
} as const satisfies Record<string, ReasonText>;
