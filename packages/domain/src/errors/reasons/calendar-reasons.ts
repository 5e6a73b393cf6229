import { type ReasonText } from './reason-text.js';

/** Why a campaign calendar (its phases and dates) or its year is refused. */
export const CALENDAR_REASONS = {
  campaignEndsBeforeStart: {
    en: 'the campaign ends %{end}, before it starts %{start}',
    zh: '评议工作的结束日期 %{end} 早于开始日期 %{start}',
  },
  noPhases: { en: 'a campaign needs at least one phase', zh: '评议工作至少需要一个阶段' },
  phaseCodeTwice: { en: 'phase code "%{code}" is used twice', zh: '阶段代码“%{code}”重复' },
  phaseEndsBeforeStart: {
    en: '%{phase} ends %{end}, before it starts %{start}',
    zh: '“%{label}”阶段的结束日期 %{end} 早于开始日期 %{start}',
  },
  phaseBeforeCampaign: {
    en: '%{phase} starts %{start}, before the campaign starts %{campaignStart}',
    zh: '“%{label}”阶段 %{start} 开始，早于评议工作的开始日期 %{campaignStart}',
  },
  phaseAfterCampaign: {
    en: '%{phase} ends %{end}, after the campaign ends %{campaignEnd}',
    zh: '“%{label}”阶段 %{end} 结束，晚于评议工作的结束日期 %{campaignEnd}',
  },
  phaseOutOfOrder: {
    en: '%{phase} starts %{start}, before the phase listed ahead of it, %{previous}, starts %{previousStart}: list phases in date order',
    zh: '“%{label}”阶段 %{start} 开始，早于排在它前面的“%{previousLabel}”阶段（%{previousStart} 开始）：请按日期先后排列各阶段',
  },
  phaseOverlaps: {
    en: '%{phase} starts %{start}, overlapping %{previous}, which ends %{previousEnd}',
    zh: '“%{label}”阶段 %{start} 开始，与“%{previousLabel}”阶段重叠（该阶段 %{previousEnd} 才结束）',
  },
  gapAtStart: {
    en: '%{phase} starts %{start}, leaving %{from} to %{to} of the campaign in no phase (gap)',
    zh: '“%{label}”阶段 %{start} 才开始，%{from} 至 %{to} 不属于任何阶段（中间有空档）',
  },
  gapBetween: {
    en: '%{phase} starts %{start}, leaving %{from} to %{to} in no phase after %{previous} ends %{previousEnd} (gap)',
    zh: '“%{previousLabel}”阶段 %{previousEnd} 结束后，“%{label}”阶段 %{start} 才开始，%{from} 至 %{to} 不属于任何阶段（中间有空档）',
  },
  gapAtEnd: {
    en: '%{phase} ends %{end}, leaving %{from} to %{to} of the campaign in no phase (gap)',
    zh: '“%{label}”阶段 %{end} 结束，%{from} 至 %{to} 不属于任何阶段（中间有空档）',
  },
  notADate: {
    en: '%{value} is not a calendar date YYYY-MM-DD',
    zh: '%{value} 不是有效日期，请按“年-月-日”填写，如 2026-10-16',
  },
  unknownTimeZone: {
    en: '%{value} is not a known IANA time zone (e.g. "Asia/Shanghai")',
    zh: '%{value} 不是已知的时区（例如 Asia/Shanghai）',
  },
  yearNotFirstPhase: {
    en: 'must be the year the first phase starts (%{expected}), got %{year}',
    zh: '年度应为第一个阶段开始的年份 %{expected}，填写的是 %{year}',
  },
  actionClosedInPhase: {
    en: '%{action} (%{actionLabel}) is closed on %{date}, in %{phaseLabel} %{phaseCode}: it is allowed only in %{windowsEn} (%{timeZone})',
    zh: '“%{actionLabel}”只能在 %{windows} 办理；今天（%{date}）处于“%{phaseLabel}”阶段',
  },
  actionClosedOutside: {
    en: '%{action} (%{actionLabel}) is closed on %{date}, outside every phase of the campaign: it is allowed only in %{windowsEn} (%{timeZone})',
    zh: '“%{actionLabel}”只能在 %{windows} 办理；今天（%{date}）不在评议工作的任何阶段内',
  },
  actionNeverOpen: {
    en: '%{action} (%{actionLabel}) is closed on %{date}, %{where}: this campaign has no phase it is allowed in',
    zh: '本次评议工作没有可以“%{actionLabel}”的阶段',
  },
} as const satisfies Record<string, ReasonText>;
