import { defineErrorResult } from '../common/error-result';

// Error results shared by the campaign content modules (campaign, organization,
// work plan, bulletins, appraisal storage, results).

export const InvalidPolicyError = defineErrorResult(
  'INVALID_POLICY',
  'InvalidPolicyError',
  'The scoring policy is malformed; path names the field (input.policyJson.strategy.args.trim)',
);
export const InvalidCalendarError = defineErrorResult(
  'INVALID_CALENDAR',
  'InvalidCalendarError',
  'The phases do not form a calendar: order, overlap, gap or a date outside the campaign; path names the phase',
);
export const InvalidUnitTreeError = defineErrorResult(
  'INVALID_UNIT_TREE',
  'InvalidUnitTreeError',
  'The units do not form a tree: duplicate code, unknown parent or cycle; path names the unit',
);
export const PhaseClosedError = defineErrorResult(
  'PHASE_CLOSED',
  'PhaseClosedError',
  'The action is closed today; the message names the phase(s) it is open in, with their dates',
);
export const CampaignYearTakenError = defineErrorResult(
  'CAMPAIGN_YEAR_TAKEN',
  'CampaignYearTakenError',
  'Your bureau already has a campaign for this year',
);
export { InUseError } from '../common/in-use-error';
export const UnknownUnitError = defineErrorResult(
  'UNKNOWN_UNIT',
  'UnknownUnitError',
  'The unit code is not a unit of this campaign',
);
export const InvalidProgressError = defineErrorResult(
  'INVALID_PROGRESS',
  'InvalidProgressError',
  'The progress update breaks the rules: 0-100, not dated in the future or before the latest update, a note when progress goes down',
);
