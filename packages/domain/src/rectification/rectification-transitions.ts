// The rectification lifecycle as data. The transition function, the server's
// permission checks and the console's buttons all read this one table.
import { type CampaignAction } from '../calendar/phase-gating.js';
import { type RectificationItem, type RectificationState, type Role } from './rectification-item.js';

/** Every event of the lifecycle, in table order. */
export const RECTIFICATION_EVENT_TYPES = [
  'verify',
  'dismiss',
  'proposePlan',
  'rejectPlan',
  'approvePlan',
  'reportProgress',
  'reportFixed',
  'returnForRework',
  'accept',
  'lookBackConfirmed',
  'lookBackRebound',
  'placeUnderSupervision',
  'liftSupervision',
  'changeDeadline',
] as const;

/** An event name. */
export type RectificationEventType = (typeof RECTIFICATION_EVENT_TYPES)[number];

/** An event and its payload. Dates are local `YYYY-MM-DD`; evidence are references (file ids, links). */
export type RectificationEvent =
  | { readonly type: 'verify'; readonly note?: string }
  | { readonly type: 'dismiss'; readonly reason: string }
  | { readonly type: 'proposePlan'; readonly plan: string; readonly owner: string; readonly deadline: string }
  | { readonly type: 'rejectPlan'; readonly reason: string }
  | { readonly type: 'approvePlan'; readonly note?: string }
  | {
      readonly type: 'reportProgress';
      readonly note: string;
      readonly evidence?: readonly string[];
      readonly progress?: number;
    }
  | {
      readonly type: 'reportFixed';
      readonly publicResponse: string;
      readonly evidence?: readonly string[];
      readonly note?: string;
    }
  | { readonly type: 'returnForRework'; readonly reason: string; readonly deadline?: string }
  | { readonly type: 'accept'; readonly note?: string; readonly lookBackDue?: string }
  | { readonly type: 'lookBackConfirmed'; readonly note: string }
  | { readonly type: 'lookBackRebound'; readonly note: string; readonly deadline: string }
  | {
      readonly type: 'placeUnderSupervision';
      readonly supervisingLeader: string;
      readonly reportingIntervalDays: number;
    }
  | { readonly type: 'liftSupervision'; readonly reason?: string }
  | { readonly type: 'changeDeadline'; readonly deadline: string; readonly reason: string };

/** One row of the lifecycle table. */
export interface RectificationTransition {
  readonly event: RectificationEventType;
  /** Chinese label for buttons and messages. */
  readonly label: string;
  /** English label, for the same. */
  readonly labelEn: string;
  /** States the event is allowed in. */
  readonly from: readonly RectificationState[];
  /** The next state; `null` keeps the current one. */
  readonly to: RectificationState | null;
  /** Roles that may send it. A liaison may only act on items of their own unit. */
  readonly roles: readonly Role[];
  /** Payload fields that must be present (forms render these). */
  readonly requires: readonly string[];
  /** Payload fields that may be present. */
  readonly optional: readonly string[];
  /** An extra condition on the item: `underSupervision` only when it is flagged. */
  readonly when?: 'underSupervision';
  /** The phase-gated action the server checks first (see `ACTION_PHASES`). */
  readonly action: CampaignAction;
}

const OFFICE: readonly Role[] = ['office', 'admin'];
const OPEN: readonly RectificationState[] = ['identified', 'verified', 'planned', 'inProgress', 'rectified'];

/**
 * The lifecycle table: state × event → next state and the roles allowed.
 * Anything not listed is refused. Accepting or dismissing also ends listed
 * supervision; a rebound needs a new deadline and counts in `rebounds`.
 */
export const RECTIFICATION_TRANSITIONS: readonly RectificationTransition[] = [
  {
    event: 'verify',
    label: '核实',
    labelEn: 'Verify',
    from: ['identified'],
    to: 'verified',
    roles: OFFICE,
    requires: [],
    optional: ['note'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'dismiss',
    label: '不予立项',
    labelEn: 'Dismiss',
    from: ['identified', 'verified'],
    to: 'dismissed',
    roles: OFFICE,
    requires: ['reason'],
    optional: [],
    action: 'advanceRectificationItem',
  },
  {
    event: 'proposePlan',
    label: '提交整改方案',
    labelEn: 'Submit plan',
    from: ['verified', 'planned'],
    to: 'planned',
    roles: ['liaison'],
    requires: ['plan', 'owner', 'deadline'],
    optional: [],
    action: 'advanceRectificationItem',
  },
  {
    event: 'rejectPlan',
    label: '退回方案',
    labelEn: 'Return the plan',
    from: ['planned'],
    to: 'verified',
    roles: OFFICE,
    requires: ['reason'],
    optional: [],
    action: 'advanceRectificationItem',
  },
  {
    event: 'approvePlan',
    label: '批准方案',
    labelEn: 'Approve plan',
    from: ['planned'],
    to: 'inProgress',
    roles: OFFICE,
    requires: [],
    optional: ['note'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'reportProgress',
    label: '报告进展',
    labelEn: 'Report progress',
    from: ['inProgress'],
    to: null,
    roles: ['liaison'],
    requires: ['note'],
    optional: ['evidence', 'progress'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'reportFixed',
    label: '报告整改完成',
    labelEn: 'Report fixed',
    from: ['inProgress'],
    to: 'rectified',
    roles: ['liaison'],
    requires: ['publicResponse'],
    optional: ['evidence', 'note'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'returnForRework',
    label: '退回重新整改',
    labelEn: 'Return for rework',
    from: ['rectified'],
    to: 'inProgress',
    roles: OFFICE,
    requires: ['reason'],
    optional: ['deadline'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'accept',
    label: '验收',
    labelEn: 'Accept',
    from: ['rectified'],
    to: 'accepted',
    roles: OFFICE,
    requires: [],
    optional: ['note', 'lookBackDue'],
    action: 'advanceRectificationItem',
  },
  {
    event: 'lookBackConfirmed',
    label: '回头看：巩固',
    labelEn: 'Look-back: stayed fixed',
    from: ['accepted'],
    to: null,
    roles: [...OFFICE, 'inspector'],
    requires: ['note'],
    optional: [],
    action: 'recordLookBack',
  },
  {
    event: 'lookBackRebound',
    label: '回头看：反弹',
    labelEn: 'Look-back: rebounded',
    from: ['accepted'],
    to: 'inProgress',
    roles: [...OFFICE, 'inspector'],
    requires: ['note', 'deadline'],
    optional: [],
    action: 'recordLookBack',
  },
  {
    event: 'placeUnderSupervision',
    label: '挂牌督办',
    labelEn: 'Place under supervision',
    from: OPEN,
    to: null,
    roles: ['leader', 'inspector'],
    requires: ['supervisingLeader', 'reportingIntervalDays'],
    optional: [],
    action: 'superviseRectificationItem',
  },
  {
    event: 'liftSupervision',
    label: '摘牌',
    labelEn: 'Lift supervision',
    from: OPEN,
    to: null,
    roles: ['leader', 'inspector'],
    requires: [],
    optional: ['reason'],
    when: 'underSupervision',
    action: 'superviseRectificationItem',
  },
  {
    event: 'changeDeadline',
    label: '调整整改期限',
    labelEn: 'Change deadline',
    from: ['planned', 'inProgress'],
    to: null,
    roles: OFFICE,
    requires: ['deadline', 'reason'],
    optional: [],
    action: 'advanceRectificationItem',
  },
];

/** The table row of an event, or undefined for an unknown event name. */
export const transitionFor = (event: string): RectificationTransition | undefined =>
  RECTIFICATION_TRANSITIONS.find((row) => row.event === event);

/** Roles that may open (立项) a rectification item. */
export const OPEN_ITEM_ROLES: readonly Role[] = ['office', 'admin', 'inspector'];

/**
 * The events `role` (with `actorUnitCode` for a liaison) may send to `item`
 * now, in table order, judged on the table alone (state, role, own unit,
 * supervision flag); payload checks come when the event is sent.
 */
export function allowedEvents(
  item: RectificationItem,
  role: Role,
  actorUnitCode?: string | null,
): readonly RectificationEventType[] {
  if (role === 'liaison' && actorUnitCode !== item.unitCode) return [];
  return RECTIFICATION_TRANSITIONS.filter(
    (row) =>
      row.roles.includes(role) &&
      row.from.includes(item.state) &&
      (row.when !== 'underSupervision' || item.supervision !== null),
  ).map((row) => row.event);
}

/** Opening an item is not a transition of the table; it is named like one. */
const OPEN_LABEL = { zh: '立项整改', en: 'Opened' } as const;

/** An event's name in a language (`open` included), or the event itself for one not in the table. */
export function rectificationEventLabel(event: string, language: 'zh' | 'en'): string {
  if (event === 'open') return OPEN_LABEL[language];
  const transition = transitionFor(event);
  if (!transition) return event;
  return language === 'en' ? transition.labelEn : transition.label;
}
