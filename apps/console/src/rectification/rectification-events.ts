// The lifecycle events as the console presents them: which inputs each
// event's dialog shows. The server decides which events a user may send now
// (`allowedEvents`) and checks every payload; a missing field comes back as a
// refusal naming it.

export type EventField =
  | 'note'
  | 'reason'
  | 'plan'
  | 'owner'
  | 'deadline'
  | 'progress'
  | 'publicResponse'
  | 'evidence'
  | 'lookBackDue'
  | 'supervisingLeader'
  | 'reportingIntervalDays';

export interface EventForm {
  readonly requires: readonly EventField[];
  readonly optional: readonly EventField[];
  /** Shown as the main (contained) button. */
  readonly primary?: boolean;
  /** Shown in warning colour (sends the item back or away). */
  readonly negative?: boolean;
}

export const EVENT_FORMS: Readonly<Record<string, EventForm>> = {
  verify: { requires: [], optional: ['note'], primary: true },
  dismiss: { requires: ['reason'], optional: [], negative: true },
  proposePlan: { requires: ['plan', 'owner', 'deadline'], optional: [], primary: true },
  rejectPlan: { requires: ['reason'], optional: [], negative: true },
  approvePlan: { requires: [], optional: ['note'], primary: true },
  reportProgress: { requires: ['note'], optional: ['progress', 'evidence'] },
  reportFixed: { requires: ['publicResponse'], optional: ['note', 'evidence'], primary: true },
  returnForRework: { requires: ['reason'], optional: ['deadline'], negative: true },
  accept: { requires: [], optional: ['note', 'lookBackDue'], primary: true },
  lookBackConfirmed: { requires: ['note'], optional: [] },
  lookBackRebound: { requires: ['note', 'deadline'], optional: [], negative: true },
  placeUnderSupervision: { requires: ['supervisingLeader', 'reportingIntervalDays'], optional: [] },
  liftSupervision: { requires: [], optional: ['reason'] },
  changeDeadline: { requires: ['deadline', 'reason'], optional: [] },
};

/** The form of an event the console does not know yet: a note, and the server names what else it needs. */
export function eventForm(event: string): EventForm {
  return EVENT_FORMS[event] ?? { requires: [], optional: ['note'] };
}

/** Form values → the event payload: empty fields left out, numbers typed. */
export function eventPayload(form: EventForm, values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of [...form.requires, ...form.optional]) {
    const value = values[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    payload[field] = field === 'progress' || field === 'reportingIntervalDays' ? Number(value) : value;
  }
  return payload;
}

export { RECTIFICATION_STATES } from '@pingyi/domain';

/** Chip colour per state. */
export const STATE_COLORS: Readonly<
  Record<string, 'default' | 'info' | 'primary' | 'warning' | 'success' | 'error' | 'secondary'>
> = {
  identified: 'default',
  verified: 'info',
  planned: 'secondary',
  inProgress: 'primary',
  rectified: 'warning',
  accepted: 'success',
  dismissed: 'default',
};
