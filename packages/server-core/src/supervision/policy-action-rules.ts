import { PingyiError } from '@pingyi/domain';
import { type PolicyActionState } from './supervision-enums';

/** What may happen to a policy action (建章立制), as data: a draft is adopted or withdrawn; adopted and withdrawn are final. */
export const POLICY_ACTION_TRANSITIONS = {
  edit: { label: '修改', from: ['drafted'], to: null },
  adopt: { label: '通过', from: ['drafted'], to: 'adopted' },
  withdraw: { label: '撤回', from: ['drafted'], to: 'withdrawn' },
} as const satisfies Record<
  string,
  { label: string; from: readonly PolicyActionState[]; to: PolicyActionState | null }
>;

export type PolicyActionEvent = keyof typeof POLICY_ACTION_TRANSITIONS;

/**
 * The state after `event`, or `POLICY_ACTION_STATE` naming the state and the
 * states it is allowed in.
 */
export function nextPolicyActionState(state: PolicyActionState, event: PolicyActionEvent): PolicyActionState {
  const row = POLICY_ACTION_TRANSITIONS[event];
  if (!(row.from as readonly string[]).includes(state)) {
    throw new PingyiError(
      'POLICY_ACTION_STATE',
      `${event} (${row.label}) is allowed only when the policy action is ${row.from.join(' or ')}; it is ${state}`,
      'state',
      {
        event,
        state,
        allowedStates: row.from,
      },
    );
  }
  return row.to ?? state;
}
