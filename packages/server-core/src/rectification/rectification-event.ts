import { PingyiError, type RectificationEvent, transitionFor } from '@pingyi/domain';
import { checkId, checkList } from '../common/validation';

/** Longest text each payload field may hold (the columns and messages they end up in). */
const MAX_LENGTH: Readonly<Record<string, number>> = {
  note: 2000,
  reason: 2000,
  plan: 5000,
  owner: 100,
  publicResponse: 5000,
  supervisingLeader: 100,
  deadline: 10,
  lookBackDue: 10,
};

/** Most evidence ids in one event. */
export const MAX_EVIDENCE = 20;

const PAYLOAD_FIELDS = [...Object.keys(MAX_LENGTH), 'evidence', 'progress', 'reportingIntervalDays'];

/**
 * Builds the domain event from an event type and an untrusted payload. Only
 * lengths and id shapes are checked here (`INVALID_ARGUMENT` at
 * `<path>.<field>`); what is required, dates and ranges are the domain's.
 */
export function buildRectificationEvent(
  type: string,
  payload: Readonly<Record<string, unknown>> | null | undefined,
  path: string,
): RectificationEvent {
  const event: Record<string, unknown> = { type };
  for (const field of PAYLOAD_FIELDS) {
    const value = payload?.[field];
    if (value === undefined || value === null) continue;
    const max = MAX_LENGTH[field];
    if (max !== undefined && typeof value === 'string' && [...value].length > max) {
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `must be at most ${max} characters, got ${[...value].length}`,
        `${path}.${field}`,
      );
    }
    event[field] =
      field === 'evidence'
        ? checkList(value, `${path}.evidence`, MAX_EVIDENCE, (id, at) => String(checkId(id, at)))
        : value;
  }
  return event as unknown as RectificationEvent;
}

/**
 * Refuses payload fields the event's row of the lifecycle table neither
 * requires nor allows, so nothing sent is silently ignored.
 */
export function assertNoStrayFields(event: RectificationEvent, path: string): void {
  const row = transitionFor(event.type);
  if (!row) return;
  const known = new Set([...row.requires, ...row.optional]);
  for (const field of Object.keys(event)) {
    if (field === 'type' || known.has(field)) continue;
    const takes = [...row.requires, ...row.optional];
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `${row.event} takes no ${field} (it takes ${takes.length ? takes.join(', ') : 'nothing'})`,
      `${path}.${field}`,
    );
  }
}
