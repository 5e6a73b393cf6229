import { type ReasonText } from './reason-text.js';

/** Why the office's documents (通报, 反馈函, 整改报告, 催办通知) or a reminder cannot be made now. */
export const DOCUMENT_REASONS = {
  resultsNotPublished: {
    en: 'campaign %{campaign} has no published results; publish them before issuing the results notice',
    zh: '“%{campaign}”的评议结果尚未公布，公布后才能印发测评结果通报',
  },
  groupHasNoContacts: {
    en: 'evaluator group "%{group}" has no contacts; add one before sending a reminder',
    zh: '“%{label}”类别还没有联系人，请先添加联系人再催办',
  },
  tooManyContacts: {
    en: 'at most %{max} contacts per evaluator group, got %{count}',
    zh: '每个评议对象类别最多 %{max} 位联系人，提交了 %{count} 位',
  },
  documentTooLarge: {
    en: 'the document would hold %{count} %{what}; at most %{max} fit in one document',
    zh: '文件将包含 %{count} 条%{whatZh}，超过单个文件上限 %{max} 条',
  },
  documentFormat: {
    en: 'format must be docx or pdf, got "%{format}"',
    zh: '文件格式有误（收到“%{format}”），只能下载文字处理文档或便携文档',
  },
  letterDeadlineBeforeToday: {
    en: 'the deadline to respond, %{deadline}, is before today (%{today})',
    zh: '反馈期限 %{deadline} 早于今天（%{today}）',
  },
} as const satisfies Record<string, ReasonText>;
