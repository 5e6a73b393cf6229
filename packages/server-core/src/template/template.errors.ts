import { defineErrorResult } from '../common/error-result';
import { defineProblemsError } from '../common/problem-result';

export const UnknownTemplateError = defineErrorResult(
  'UNKNOWN_TEMPLATE',
  'UnknownTemplateError',
  'No campaign template with that code; the message lists the known ones',
);

export const InvalidCampaignConfigError = defineProblemsError(
  'INVALID_CAMPAIGN_CONFIG',
  'InvalidCampaignConfigError',
  'The campaign configuration (file or template) has problems; problems lists every one with its path; nothing was created',
);
