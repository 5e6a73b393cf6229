import { addDays, DEFAULT_TIME_ZONE, isLocalDate, type LocalDate, localDateOf } from '../calendar/local-date.js';
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { type PingyiError, isPingyiError } from '../errors/pingyi-error.js';
import { type MessageKey, type ReasonParams, refusal } from '../errors/reasons/index.js';
import { type NotifyTarget, type RectificationEffect } from './rectification-effect.js';
import {
  RECTIFICATION_STATE_LABELS,
  type RectificationItem,
  type RectificationState,
  type Role,
  ROLE_LABELS,
  ROLES,
} from './rectification-item.js';
import { type RectificationEvent, type RectificationTransition, transitionFor } from './rectification-transitions.js';

/** Who acts and when. `timeZone` (default Asia/Shanghai) decides "today" for deadlines. */
export interface TransitionContext {
  readonly role: Role;
  /** The actor's unit; required for a liaison. */
  readonly actorUnitCode?: string | null;
  readonly now: Date;
  readonly timeZone?: string;
  /** Days after acceptance the look-back is due unless the event says; default {@link DEFAULT_LOOK_BACK_DAYS}. */
  readonly lookBackAfterDays?: number;
}

/** Why a transition was refused; carried in `details.reason` of the `TRANSITION_REFUSED` error. */
export type RefusalReason =
  'unknownEvent' | 'wrongRole' | 'otherUnit' | 'wrongState' | 'notUnderSupervision' | 'missingField' | 'invalidField';

/** The next item and what the caller should do (persist history, notify, schedule). */
export interface TransitionOutcome {
  readonly item: RectificationItem;
  readonly effects: readonly RectificationEffect[];
}

/** {@link tryTransitionRectification}'s result: the outcome, or the refusal as an error value. */
export type TransitionResult =
  ({ readonly ok: true } & TransitionOutcome) | { readonly ok: false; readonly error: PingyiError };

/** Default days from acceptance to the look-back (回头看). */
export const DEFAULT_LOOK_BACK_DAYS = 30;

/** The payload fields' names in the office's words, for the Chinese sentences. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  plan: '整改方案',
  owner: '整改责任人',
  deadline: '整改期限',
  reason: '原因',
  note: '情况说明',
  evidence: '佐证材料',
  progress: '整改进度',
  lookBackDue: '回头看日期',
  publicResponse: '向群众的答复',
  supervisingLeader: '督办领导',
  reportingIntervalDays: '报告周期（天）',
};

/** Who refuses what, for the sentences: the event and its label, the item. */
interface Refusing {
  readonly prefix: string;
  readonly eventLabel: string;
  readonly itemId: string;
}

function refuse(
  reason: RefusalReason,
  key: MessageKey,
  refusing: Refusing,
  params: ReasonParams,
  path?: string,
  details: Record<string, unknown> = {},
): never {
  throw refusal(DOMAIN_ERROR_CODES.TRANSITION_REFUSED, key, { ...refusing, ...params }, path, { reason, ...details });
}

/** Reads the event payload; every problem is a refusal naming the field. */
class PayloadReader {
  constructor(
    private readonly event: Record<string, unknown>,
    private readonly refusing: Refusing,
    private readonly today: LocalDate,
  ) {}

  private missing(field: string): never {
    return refuse(
      'missingField',
      'missingField',
      this.refusing,
      { field, fieldLabel: FIELD_LABELS[field] ?? field },
      `event.${field}`,
      { field },
    );
  }

  private invalid(field: string, key: MessageKey, params: ReasonParams = {}): never {
    return refuse(
      'invalidField',
      key,
      this.refusing,
      { field, fieldLabel: FIELD_LABELS[field] ?? field, ...params },
      `event.${field}`,
      { field },
    );
  }

  text(field: string): string {
    const value = this.event[field];
    if (value === undefined || value === null) return this.missing(field);
    if (typeof value !== 'string') return this.invalid(field, 'fieldMustBeText');
    if (value.trim() === '') return this.missing(field);
    return value.trim();
  }

  optionalText(field: string): string | undefined {
    return this.event[field] === undefined || this.event[field] === null ? undefined : this.text(field);
  }

  /** A local date no earlier than today. */
  futureDate(field: string): LocalDate {
    const value = this.event[field];
    if (value === undefined || value === null || value === '') return this.missing(field);
    if (!isLocalDate(value))
      return this.invalid(field, 'fieldNotADate', { value: JSON.stringify(value) ?? String(value) });
    if (value < this.today) return this.invalid(field, 'deadlineBeforeToday', { value, today: this.today });
    return value;
  }

  optionalFutureDate(field: string): LocalDate | undefined {
    return this.event[field] === undefined || this.event[field] === null ? undefined : this.futureDate(field);
  }

  integer(field: string, min: number, max: number): number {
    const value = this.event[field];
    if (value === undefined || value === null) return this.missing(field);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.invalid(field, 'fieldOutOfRange', { min, max, value: JSON.stringify(value) ?? String(value) });
    }
    return value;
  }

  optionalInteger(field: string, min: number, max: number): number | undefined {
    return this.event[field] === undefined || this.event[field] === null ? undefined : this.integer(field, min, max);
  }

  evidence(): readonly string[] {
    const value = this.event.evidence;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((ref) => typeof ref !== 'string' || ref.trim() === '')) {
      return this.invalid('evidence', 'evidenceNotAList');
    }
    return value.map((ref: string) => ref.trim());
  }
}

const nameState = (state: RectificationState): string => `${state} (${RECTIFICATION_STATE_LABELS[state]})`;

function checkAllowed(
  item: RectificationItem,
  row: RectificationTransition,
  context: TransitionContext,
  refusing: Refusing,
): void {
  const base = { event: row.event, state: item.state, role: context.role };
  if (!ROLES.includes(context.role) || !row.roles.includes(context.role)) {
    const roleName = ROLES.includes(context.role)
      ? `${context.role} (${ROLE_LABELS[context.role]})`
      : `"${String(context.role)}"`;
    refuse('wrongRole', 'wrongRole', refusing, { role: roleName, allowedRoles: row.roles.join(', ') }, 'role', {
      ...base,
      allowedRoles: row.roles,
    });
  }
  if (context.role === 'liaison' && context.actorUnitCode !== item.unitCode) {
    const who = context.actorUnitCode ? `the liaison of "${context.actorUnitCode}"` : 'a liaison with no unit';
    refuse('otherUnit', 'otherUnit', refusing, { who, unitCode: item.unitCode }, 'actorUnitCode', {
      ...base,
      unitCode: item.unitCode,
    });
  }
  if (!row.from.includes(item.state)) {
    const states = {
      state: nameState(item.state),
      allowedStates: row.from.map(nameState).join(' or '),
      stateLabel: RECTIFICATION_STATE_LABELS[item.state],
      allowedStateLabels: row.from.map((state) => RECTIFICATION_STATE_LABELS[state]).join('、'),
    };
    refuse('wrongState', 'wrongState', refusing, states, 'state', {
      ...base,
      allowedStates: row.from,
    });
  }
  if (row.when === 'underSupervision' && item.supervision === null) {
    refuse('notUnderSupervision', 'notUnderSupervision', refusing, {}, 'supervision', base);
  }
}

/**
 * Applies one event to a rectification item, XState-style: returns the next
 * item and the effects to carry out, and runs nothing. The input is not
 * changed. Refusals throw `TRANSITION_REFUSED`; `details.reason` is one of
 * {@link RefusalReason}, the message says why (wrong state, wrong role, liaison
 * of another unit, missing or invalid field) and `path` names the culprit
 * (`event.deadline`, `role`, `state`). Deadlines may not lie before today in
 * the bureau's time zone. Phase gating is the caller's separate check (see
 * `RectificationTransition.action`).
 */
export function transitionRectification(
  item: RectificationItem,
  event: RectificationEvent,
  context: TransitionContext,
): TransitionOutcome {
  const raw = (typeof event === 'object' && event !== null ? event : {}) as unknown as Record<string, unknown>;
  const row = typeof raw.type === 'string' ? transitionFor(raw.type) : undefined;
  if (!row) {
    return refuse(
      'unknownEvent',
      'unknownEvent',
      { prefix: '', eventLabel: '', itemId: item.id },
      { value: JSON.stringify(raw.type) ?? String(raw.type) },
      'event.type',
      { event: raw.type },
    );
  }
  const refusing: Refusing = {
    prefix: `${row.event} (${row.label}) on item ${item.id} refused`,
    eventLabel: row.label,
    itemId: item.id,
  };
  checkAllowed(item, row, context, refusing);

  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localDateOf(context.now, timeZone);
  const read = new PayloadReader(raw, refusing, today);
  const effects: RectificationEffect[] = [];
  let next: RectificationItem = item;
  let details: Record<string, unknown> = {};
  const notify = (to: NotifyTarget): void => {
    if (to === 'unit') {
      effects.push({ type: 'notify', itemId: item.id, to, unitCode: item.unitCode, reason: row.event });
    } else if (to === 'supervisingLeader') {
      // The new leader when supervision starts, the outgoing one when it is lifted.
      const supervision = next.supervision ?? item.supervision;
      if (supervision)
        effects.push({ type: 'notify', itemId: item.id, to, person: supervision.supervisingLeader, reason: row.event });
    } else {
      effects.push({ type: 'notify', itemId: item.id, to, reason: row.event });
    }
  };
  const endSupervision = (): void => {
    if (item.supervision) effects.push({ type: 'cancelSupervisionReports', itemId: item.id });
  };

  switch (row.event) {
    case 'verify':
    case 'approvePlan': {
      details = withOptional({}, 'note', read.optionalText('note'));
      next = { ...item };
      notify('unit');
      break;
    }
    case 'dismiss': {
      details = { reason: read.text('reason') };
      next = { ...item, supervision: null };
      endSupervision();
      notify('unit');
      break;
    }
    case 'proposePlan': {
      details = { plan: read.text('plan'), owner: read.text('owner'), deadline: read.futureDate('deadline') };
      next = {
        ...item,
        plan: details.plan as string,
        owner: details.owner as string,
        deadline: details.deadline as LocalDate,
      };
      notify('office');
      break;
    }
    case 'rejectPlan': {
      details = { reason: read.text('reason') };
      next = { ...item };
      notify('unit');
      break;
    }
    case 'reportProgress': {
      const evidence = read.evidence();
      const progress = read.optionalInteger('progress', 0, 100);
      details = withOptional({ note: read.text('note'), evidence }, 'progress', progress);
      next = { ...item, evidence: mergeEvidence(item.evidence, evidence), progress: progress ?? item.progress };
      notify('office');
      notify('supervisingLeader');
      break;
    }
    case 'reportFixed': {
      const evidence = read.evidence();
      details = withOptional(
        { publicResponse: read.text('publicResponse'), evidence },
        'note',
        read.optionalText('note'),
      );
      next = {
        ...item,
        publicResponse: details.publicResponse as string,
        evidence: mergeEvidence(item.evidence, evidence),
        progress: 100,
      };
      notify('office');
      notify('supervisingLeader');
      break;
    }
    case 'returnForRework': {
      const deadline = read.optionalFutureDate('deadline');
      details = withOptional({ reason: read.text('reason') }, 'deadline', deadline);
      next = { ...item, deadline: deadline ?? item.deadline, progress: null };
      notify('unit');
      notify('supervisingLeader');
      break;
    }
    case 'accept': {
      const lookBackDue = read.optionalFutureDate('lookBackDue') ?? addDays(today, lookBackDays(context));
      details = withOptional({ lookBackDue }, 'note', read.optionalText('note'));
      next = { ...item, closedOn: today, supervision: null, progress: 100 };
      endSupervision();
      notify('unit');
      effects.push({ type: 'scheduleLookBack', itemId: item.id, due: lookBackDue });
      break;
    }
    case 'lookBackConfirmed': {
      details = { note: read.text('note') };
      next = { ...item, lookBacks: item.lookBacks + 1 };
      notify('office');
      break;
    }
    case 'lookBackRebound': {
      details = { note: read.text('note'), deadline: read.futureDate('deadline') };
      next = {
        ...item,
        deadline: details.deadline as LocalDate,
        rebounds: item.rebounds + 1,
        closedOn: null,
        progress: null,
      };
      notify('unit');
      notify('office');
      break;
    }
    case 'placeUnderSupervision': {
      const supervision = {
        supervisingLeader: read.text('supervisingLeader'),
        reportingIntervalDays: read.integer('reportingIntervalDays', 1, 365),
        since: item.supervision?.since ?? today,
      };
      details = {
        supervisingLeader: supervision.supervisingLeader,
        reportingIntervalDays: supervision.reportingIntervalDays,
      };
      next = { ...item, supervision };
      notify('unit');
      notify('office');
      notify('supervisingLeader');
      effects.push({
        type: 'scheduleSupervisionReports',
        itemId: item.id,
        everyDays: supervision.reportingIntervalDays,
        firstDue: addDays(today, supervision.reportingIntervalDays),
      });
      break;
    }
    case 'liftSupervision': {
      details = withOptional({}, 'reason', read.optionalText('reason'));
      next = { ...item, supervision: null };
      endSupervision();
      notify('unit');
      notify('supervisingLeader');
      break;
    }
    case 'changeDeadline': {
      const deadline = read.futureDate('deadline');
      if (deadline === item.deadline)
        refuse('invalidField', 'deadlineUnchanged', refusing, { value: deadline }, 'event.deadline', {
          field: 'deadline',
        });
      details = { deadline, previousDeadline: item.deadline, reason: read.text('reason') };
      next = { ...item, deadline };
      notify('unit');
      notify('supervisingLeader');
      break;
    }
  }
  const to = row.to ?? item.state;
  next = { ...next, state: to };
  effects.unshift({
    type: 'history',
    itemId: item.id,
    event: row.event,
    from: item.state,
    to,
    role: context.role,
    actorUnitCode: context.actorUnitCode ?? null,
    at: context.now,
    date: today,
    details,
  });
  return { item: next, effects };
}

/** {@link transitionRectification} returning a refusal as `{ ok: false, error }` instead of throwing. */
export function tryTransitionRectification(
  item: RectificationItem,
  event: RectificationEvent,
  context: TransitionContext,
): TransitionResult {
  try {
    return { ok: true, ...transitionRectification(item, event, context) };
  } catch (error) {
    if (isPingyiError(error, DOMAIN_ERROR_CODES.TRANSITION_REFUSED)) return { ok: false, error };
    throw error;
  }
}

function lookBackDays(context: TransitionContext): number {
  const days = context.lookBackAfterDays ?? DEFAULT_LOOK_BACK_DAYS;
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`lookBackAfterDays must be an integer ≥ 0, got ${days}`);
  return days;
}

function withOptional(details: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  return value === undefined ? details : { ...details, [field]: value };
}

const mergeEvidence = (existing: readonly string[], added: readonly string[]): readonly string[] => [
  ...new Set([...existing, ...added]),
];
