import { actionWindows, localDateOf, PingyiError } from '@pingyi/domain';
import { type Campaign } from './campaign.entity';
import { calendarOf } from './campaign-calendar';
import { type CampaignDraft } from './campaign-input';

/** One changed field of an edit, for the audit log: `policy.strategy.code: weighted-mean → group-weighted-mean`. */
export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

type Leaves = Map<string, string>;

// Leaves of a JSON value by path; lists of objects with a code are keyed by it (scale.satisfied.points), others by index.
function leavesOf(value: unknown, path: string, into: Leaves): Leaves {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const code = (item as { code?: unknown } | null)?.code;
      leavesOf(item, `${path}.${typeof code === 'string' ? code : i}`, into);
    });
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) leavesOf(item, path ? `${path}.${key}` : key, into);
  } else into.set(path, String(value));
  return into;
}

/** The leaves that differ between two JSON values, under `prefix`, in a stable order. */
export function diffValues(prefix: string, before: unknown, after: unknown): FieldChange[] {
  const a = leavesOf(before, prefix, new Map());
  const b = leavesOf(after, prefix, new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => a.get(field) !== b.get(field))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}

// `code` repeats the key and `label` is shown beside it: a phase is named by its code
const phaseDates = (phases: readonly { code: string; start: string; end: string }[]) =>
  phases.map(({ code, start, end }) => ({ code, start, end }));

/** What an edit changes in the scoring rule and the calendar (and the plain fields), as readable field changes. */
export function campaignChanges(
  campaign: Campaign,
  draft: CampaignDraft,
): { policy: FieldChange[]; votingWindow: FieldChange[]; all: FieldChange[] } {
  const policy = diffValues('policy', campaign.policy, draft.policy);
  const phases = diffValues('phases', phaseDates(campaign.phases), phaseDates(draft.calendar.phases));
  const window = (c: Parameters<typeof calendarOf>[0]) =>
    actionWindows(calendarOf(c), 'castBallot').map(({ code, start, end }) => ({ code, start, end }));
  const votingWindow = diffValues(
    'votingWindow',
    window(campaign),
    window({
      startDate: draft.calendar.start,
      endDate: draft.calendar.end,
      timeZone: draft.calendar.timeZone,
      phases: [...draft.calendar.phases],
    }),
  );
  const plain = diffValues(
    '',
    { year: campaign.year, name: campaign.name, timeZone: campaign.timeZone },
    { year: draft.year, name: draft.name, timeZone: draft.calendar.timeZone },
  );
  const series = diffValues('series', campaign.series ?? [], draft.series);
  return { policy, votingWindow, all: [...plain, ...phases, ...policy, ...series] };
}

/**
 * After appraisal has opened, changing the scoring rule changes the live
 * standings, and once the voting window has closed, moving it reopens or
 * rewrites the vote: either needs a reason (`INVALID_ARGUMENT` at
 * `input.reason`, naming what changes). Returns the reason, or null when none is needed.
 */
export function checkChangeReason(
  campaign: Campaign,
  changes: ReturnType<typeof campaignChanges>,
  reason: unknown,
  now: Date,
): string | null {
  const windows = actionWindows(calendarOf(campaign), 'castBallot');
  const today = localDateOf(now, campaign.timeZone);
  const opened = windows.length > 0 && today >= (windows[0]?.start ?? today);
  const closed = windows.length > 0 && today > (windows[windows.length - 1]?.end ?? today);
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length > 500)
    throw new PingyiError('INVALID_ARGUMENT', `must be at most 500 characters, got ${text.length}`, 'input.reason');
  const needed = (opened && changes.policy.length > 0) || (closed && changes.votingWindow.length > 0);
  if (needed && !text) {
    const what = [...(opened ? changes.policy : []), ...(closed ? changes.votingWindow : [])].map(
      (change) => change.field,
    );
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `a reason is required to change ${what.join(', ')} after appraisal has opened`,
      'input.reason',
      { fields: what },
    );
  }
  return text || null;
}
