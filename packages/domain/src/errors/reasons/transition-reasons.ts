import { type ReasonText } from './reason-text.js';

/**
 * Why a rectification event is refused (`TRANSITION_REFUSED`, whose
 * `details.reason` is one of these). `%{prefix}` is the event, its label and
 * the item in English; the Chinese sentences name the label and the item.
 */
export const TRANSITION_REASONS = {
  unknownEvent: { en: '%{value} is not a rectification event', zh: '没有这种整改办理操作' },
  wrongRole: {
    en: '%{prefix}: role %{role} may not do this; allowed: %{allowedRoles}',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：您的角色不能办理此操作',
  },
  otherUnit: {
    en: '%{prefix}: %{who} may not act on an item of "%{unitCode}"',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：这是其他单位的整改项目，只能办理本单位的项目',
  },
  wrongState: {
    en: '%{prefix}: the item is %{state}; allowed only when %{allowedStates}',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：项目现为“%{stateLabel}”，只有处于“%{allowedStateLabels}”时才能办理',
  },
  notUnderSupervision: {
    en: '%{prefix}: the item is not under listed supervision',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：该项目没有挂牌督办',
  },
  missingField: {
    en: '%{prefix}: %{field} is missing',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：请填写%{fieldLabel}',
  },
  fieldMustBeText: {
    en: '%{prefix}: %{field} must be text',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：%{fieldLabel}应填写文字',
  },
  fieldNotADate: {
    en: '%{prefix}: %{field} %{value} is not a date YYYY-MM-DD',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：%{fieldLabel}应为日期（年-月-日）',
  },
  deadlineBeforeToday: {
    en: '%{prefix}: %{field} %{value} is before today %{today}',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：%{fieldLabel} %{value} 早于今天（%{today}），请选择今天或以后的日期',
  },
  fieldOutOfRange: {
    en: '%{prefix}: %{field} must be an integer from %{min} to %{max}, got %{value}',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：%{fieldLabel}应为 %{min} 到 %{max} 之间的整数',
  },
  evidenceNotAList: {
    en: '%{prefix}: evidence must be a list of non-empty references',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：佐证材料有误',
  },
  deadlineUnchanged: {
    en: '%{prefix}: deadline is already %{value}',
    zh: '“%{eventLabel}”（整改项目 #%{itemId}）：整改期限已经是 %{value}，无需调整',
  },
} as const satisfies Record<string, ReasonText>;
