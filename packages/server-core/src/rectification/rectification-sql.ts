import { CLOSED_STATES, RECTIFICATION_STATES, type RectificationState, SETTLED_STATES } from '@pingyi/domain';

// The domain's state sets, for SQL. Overdue, due-soon and the rate are
// computed in SQL for lists and aggregates; the sets come from the domain
// and the results are checked against the domain's own functions in tests.

const SAFE = /^[A-Za-z]+$/;

/** States in which an item is never overdue (rectified, accepted, dismissed). */
export const settledStates = (): RectificationState[] => [...SETTLED_STATES];

/** States that count as closed in the rectification rate (accepted). */
export const closedStates = (): RectificationState[] => [...CLOSED_STATES];

/** The dismissed state: outside the rate's denominator. */
export const DISMISSED: RectificationState = 'dismissed';

/** `'a', 'b'`: a list of state literals for SQL text (states are plain words, checked). */
export function stateList(states: readonly RectificationState[]): string {
  for (const state of states) {
    if (!SAFE.test(state) || !RECTIFICATION_STATES.includes(state)) throw new Error(`not a state: ${state}`);
  }
  return states.map((state) => `'${state}'`).join(', ');
}
