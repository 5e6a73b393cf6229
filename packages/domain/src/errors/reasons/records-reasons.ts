import { type ReasonText } from './reason-text.js';

/** Why a record cannot be changed or removed now (`IN_USE`, `QUOTA_EXCEEDED`), and the server's own failure. */
export const RECORD_REASONS = {
  stillUsed: {
    en: '%{kind} %{label} is still used by %{uses}; it cannot be removed',
    zh: '“%{name}”仍被 %{count} 条记录使用，不能删除',
  },
  scaleDropsLevels: {
    en: 'stored ratings use the level(s) %{levels}, which the new scale drops',
    zh: '已有评价使用了新档次中删去的档次（%{labels}），不能删去',
  },
  indicatorHasValues: {
    en: 'indicator %{code} has %{count} stored value(s); remove them first',
    zh: '指标“%{name}”已有 %{count} 个填报值，请先删除这些值',
  },
  indicatorValuesOutside: {
    en: 'indicator %{code}: stored value(s) %{values} do not fit the new bounds',
    zh: '指标“%{name}”已有的填报值超出了新的取值范围',
  },
  themeHasItems: {
    en: 'theme %{code} still has %{count} work item(s); it cannot be removed',
    zh: '工作主题“%{title}”下还有 %{count} 项重点工作，不能删除',
  },
  workItemHasReports: {
    en: 'work item %{item} has %{count} progress report(s); it is kept',
    zh: '这项重点工作已有 %{count} 次进展填报，予以保留，不能删除',
  },
  quotaFull: {
    en: 'evaluator group "%{group}" has no room left for %{requested} more codes',
    zh: '“%{label}”类别的名额不足，不能再发放 %{requested} 个评议码',
  },
  internalError: { en: 'Internal error (id %{id})', zh: '错误编号 %{id}' },
} as const satisfies Record<string, ReasonText>;
