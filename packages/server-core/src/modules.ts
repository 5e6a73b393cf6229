import { accessCodeFeature } from './access-code/access-code.feature';
import { attachmentFeature } from './attachment/attachment.feature';
import { appraisalFeature } from './appraisal/appraisal.feature';
import { ballotBoxFeature } from './ballot-box/ballot-box.feature';
import { auditFeature } from './audit/audit.feature';
import { authFeature } from './auth/auth.feature';
import { ballotCastingFeature } from './ballot-casting/ballot-casting.feature';
import { bulletinFeature } from './bulletin/bulletin.feature';
import { bureauFeature } from './bureau/bureau.feature';
import { campaignFeature } from './campaign/campaign.feature';
import { type PingyiFeature } from './common/pingyi-feature';
import { demoFeature } from './demo/demo.feature';
import { documentsFeature } from './documents/documents.feature';
import { opinionReviewFeature } from './opinion-review/opinion-review.feature';
import { organizationFeature } from './organization/organization.feature';
import { paperBallotFeature } from './paper-ballot/paper-ballot.feature';
import { paperPrintFeature } from './paper-print/paper-print.feature';
import { paperScanFeature } from './paper-scan/paper-scan.feature';
import { resultsFeature } from './results/results.feature';
import { inboxFeature } from './inbox/inbox.feature';
import { integrityFeature } from './integrity/integrity.feature';
import { indicatorFeature } from './indicator/indicator.feature';
import { pluginFeature } from './plugin/plugin.feature';
import { templateFeature } from './template/template.feature';
import { rateLimitFeature } from './rate-limit/rate-limit.feature';
import { rectificationFeature } from './rectification/rectification.feature';
import { settingsFeature } from './settings/settings.feature';
import { supervisionFeature } from './supervision/supervision.feature';
import { workPlanFeature } from './work-plan/work-plan.feature';

/**
 * The bounded contexts of the server, in dependency order. A new module adds
 * its `<name>.feature.ts` here; its entities and migrations come with it.
 */
export const CORE_FEATURES: readonly PingyiFeature[] = [
  settingsFeature,
  bureauFeature,
  rateLimitFeature,
  authFeature,
  auditFeature,
  campaignFeature,
  organizationFeature,
  workPlanFeature,
  bulletinFeature,
  appraisalFeature,
  ballotBoxFeature,
  accessCodeFeature,
  ballotCastingFeature,
  paperBallotFeature,
  paperPrintFeature,
  paperScanFeature,
  opinionReviewFeature,
  resultsFeature,
  demoFeature,
  rectificationFeature,
  attachmentFeature,
  inboxFeature,
  supervisionFeature,
  documentsFeature,
  indicatorFeature,
  pluginFeature,
  templateFeature,
  integrityFeature,
];
