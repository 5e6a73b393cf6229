import { defineErrorResult } from '../common/error-result';

export const PolicyActionStateError = defineErrorResult(
  'POLICY_ACTION_STATE',
  'PolicyActionStateError',
  'The policy action is not in a state that allows this (only drafts are edited, adopted or withdrawn)',
);
