import { describe, expect, it } from 'vitest';
import { nextPolicyActionState, type PolicyActionEvent } from './policy-action-rules';
import { POLICY_ACTION_STATES, type PolicyActionState } from './supervision-enums';

const TABLE: Record<PolicyActionEvent, Partial<Record<PolicyActionState, PolicyActionState>>> = {
  edit: { drafted: 'drafted' },
  adopt: { drafted: 'adopted' },
  withdraw: { drafted: 'withdrawn' },
};

describe('policy action lifecycle', () => {
  const cases = (Object.keys(TABLE) as PolicyActionEvent[]).flatMap((event) =>
    POLICY_ACTION_STATES.map((state) => [event, state, TABLE[event][state] ?? null] as const),
  );

  it.each(cases)('%s in %s → %s', (event, state, next) => {
    if (next === null) {
      expect(() => nextPolicyActionState(state, event)).toThrow(`${event}`);
      expect(() => nextPolicyActionState(state, event)).toThrow(`it is ${state}`);
    } else expect(nextPolicyActionState(state, event)).toBe(next);
  });

  it('covers every event in every state', () => {
    expect(cases).toHaveLength(9);
  });
});
