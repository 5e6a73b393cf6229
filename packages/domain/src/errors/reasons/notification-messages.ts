import { type ReasonText } from './reason-text.js';

/**
 * What an inbox notification says, by message key. The server writes the
 * Chinese sentence as the entry's `message` and keeps the key and its
 * parameters; the console says it in the user's language. Names (units,
 * items, groups, people) are the bureau's own and stay as written.
 */
export const NOTIFICATION_MESSAGES = {
  notifyRectificationItem: {
    en: '%{event}: rectification item #%{itemId} “%{title}” (%{unitName})',
    zh: '%{eventZh}：整改项目 #%{itemId}「%{title}」（%{unitName}）',
  },
  notifyCriticismNotice: {
    en: 'Criticism notice: %{title} (%{unitName})',
    zh: '通报批评：%{title}（%{unitName}）',
  },
  notifyAccountability: {
    en: 'Accountability: %{person} (%{unitName})',
    zh: '责任追究：%{person}（%{unitName}）',
  },
  notifyInspection: {
    en: '%{kind}: %{date} %{unitName}, %{count} finding(s)',
    zh: '%{kindZh}：%{date} %{unitName}，发现问题 %{count} 条',
  },
  notifyGroupReminder: {
    en: 'Reminder: %{group} has returned %{ballots} of %{quota} appraisal sheets (response rate %{rate}); %{contacts} contact(s) notified.',
    zh: '催办：%{group}已收回评议表 %{ballots} 份，应发放 %{quota} 份（回收率 %{rate}），已通知联系人 %{contacts} 位。',
  },
} as const satisfies Record<string, ReasonText>;
