// Phase gating as data: which campaign actions are open in which phases. The
// server asks before every write; the console asks to grey out what is closed.
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { refusal } from '../errors/reasons/index.js';
import { type CampaignCalendar, type Phase, type PhaseCode, describeWindow, phaseOnDate } from './campaign-calendar.js';
import { localDateOf } from './local-date.js';

/** When an action is open: only in the listed phases, from a phase on (it and every later one), or in any phase. */
export type ActionWindowRule =
  | { readonly kind: 'only'; readonly phases: readonly PhaseCode[] }
  | { readonly kind: 'from'; readonly phase: PhaseCode }
  | { readonly kind: 'anyPhase' };

/** One gated action: its Chinese label and its window rule. */
export interface ActionGate {
  readonly label: string;
  readonly rule: ActionWindowRule;
}

/**
 * Every gated action and the phases it is open in, following the seed plan:
 * units file plans while mobilizing; key work is reported during
 * implementation; access codes are printed from implementation so they can be
 * handed out when appraisal opens; ballots are cast and imported only inside
 * appraisal; opinions are reviewed from appraisal on; results are published
 * and rectification work happens from the rectification phase on. "From X on"
 * also covers any later phase a bureau adds (e.g. a second-year look-back).
 * Inspections, notices and bulletins go on throughout the campaign.
 */
export const ACTION_PHASES = {
  fileUnitPlan: { label: '提交单位工作方案', rule: { kind: 'only', phases: ['mobilization'] } },
  reportWorkItemProgress: { label: '报告重点工作进展', rule: { kind: 'only', phases: ['implementation'] } },
  issueAccessCodes: { label: '发放评议码', rule: { kind: 'only', phases: ['implementation', 'appraisal'] } },
  castBallot: { label: '提交评议表', rule: { kind: 'only', phases: ['appraisal'] } },
  importPaperBallots: { label: '导入纸质评议表', rule: { kind: 'only', phases: ['appraisal'] } },
  reviewOpinions: { label: '审阅意见表', rule: { kind: 'from', phase: 'appraisal' } },
  publishStandings: { label: '公布评议结果', rule: { kind: 'from', phase: 'rectification' } },
  openRectificationItem: { label: '立项整改', rule: { kind: 'from', phase: 'rectification' } },
  advanceRectificationItem: { label: '办理整改项目', rule: { kind: 'from', phase: 'rectification' } },
  superviseRectificationItem: { label: '挂牌督办', rule: { kind: 'from', phase: 'rectification' } },
  recordLookBack: { label: '开展回头看', rule: { kind: 'from', phase: 'rectification' } },
  recordPolicyAction: { label: '建章立制', rule: { kind: 'from', phase: 'rectification' } },
  recordInspection: { label: '明查暗访', rule: { kind: 'anyPhase' } },
  issueNotice: { label: '通报批评', rule: { kind: 'anyPhase' } },
  publishBulletin: { label: '报送工作信息', rule: { kind: 'anyPhase' } },
} as const satisfies Record<string, ActionGate>;

/** A gated campaign action (`castBallot`, `openRectificationItem`, ...). */
export type CampaignAction = keyof typeof ACTION_PHASES;

/** All gated actions, in table order. */
export const CAMPAIGN_ACTIONS = Object.keys(ACTION_PHASES) as readonly CampaignAction[];

/** True when `value` names a gated action. */
export function isCampaignAction(value: unknown): value is CampaignAction {
  return typeof value === 'string' && Object.hasOwn(ACTION_PHASES, value);
}

function gateOrThrow(action: string): ActionGate {
  if (!isCampaignAction(action)) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.UNKNOWN_ACTION,
      `"${action}" is not a campaign action (${CAMPAIGN_ACTIONS.join(', ')})`,
      'action',
    );
  }
  return ACTION_PHASES[action];
}

/** `castBallot (提交评议表)` for messages. */
export const nameAction = (action: CampaignAction): string => `${action} (${ACTION_PHASES[action].label})`;

/**
 * The phases of this calendar in which `action` is open, in calendar order.
 * Empty when the calendar has none of the phases the rule names.
 */
export function actionWindows(calendar: CampaignCalendar, action: CampaignAction): readonly Phase[] {
  const { rule } = gateOrThrow(action);
  switch (rule.kind) {
    case 'anyPhase':
      return calendar.phases;
    case 'only':
      return calendar.phases.filter((phase) => rule.phases.includes(phase.code));
    case 'from': {
      const first = calendar.phases.findIndex((phase) => phase.code === rule.phase);
      return first === -1 ? [] : calendar.phases.slice(first);
    }
  }
}

/** True when `action` is open at `instant` (read in the calendar's time zone). */
export function isActionAllowed(calendar: CampaignCalendar, action: CampaignAction, instant: Date): boolean {
  const phase = phaseOnDate(calendar, localDateOf(instant, calendar.timeZone));
  return phase !== null && actionWindows(calendar, action).includes(phase);
}

/** The actions open at `instant`, in table order. */
export function allowedActions(calendar: CampaignCalendar, instant: Date): readonly CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => isActionAllowed(calendar, action, instant));
}

/**
 * Returns the current phase when `action` is open at `instant`; otherwise
 * throws `PHASE_CLOSED` whose message names the action (code and Chinese
 * label), its window(s) with dates and time zone, and today's date and phase.
 * `details` carries `{ action, actionLabel, date, timeZone, phase, windows }`
 * so a client can render the window itself. Unknown actions throw `UNKNOWN_ACTION`.
 */
export function assertActionAllowed(calendar: CampaignCalendar, action: CampaignAction, instant: Date): Phase {
  const gate = gateOrThrow(action);
  const date = localDateOf(instant, calendar.timeZone);
  const phase = phaseOnDate(calendar, date);
  const windows = actionWindows(calendar, action);
  if (phase !== null && windows.includes(phase)) return phase;

  const where = phase === null ? 'outside every phase of the campaign' : `in ${phase.label} ${phase.code}`;
  const params = {
    action,
    actionLabel: gate.label,
    date,
    where,
    phaseLabel: phase?.label ?? '',
    phaseCode: phase?.code ?? '',
    timeZone: calendar.timeZone,
    windowsEn: windows.map(describeWindow).join('; '),
    windows: windows.map((window) => `“${window.label}” ${window.start} 至 ${window.end}`).join('、'),
  };
  const key = windows.length === 0 ? 'actionNeverOpen' : phase === null ? 'actionClosedOutside' : 'actionClosedInPhase';
  throw refusal(DOMAIN_ERROR_CODES.PHASE_CLOSED, key, params, 'action', {
    action,
    actionLabel: gate.label,
    date,
    timeZone: calendar.timeZone,
    phase: phase === null ? null : { code: phase.code, label: phase.label, start: phase.start, end: phase.end },
    windows: windows.map(({ code, label, start, end }) => ({ code, label, start, end })),
  });
}
