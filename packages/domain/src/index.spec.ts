import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

// What the server, the console and packages/scoring rely on; a missing export fails here, not in their builds.
const EXPECTED_RUNTIME_EXPORTS = [
  // errors
  'PingyiError',
  'isPingyiError',
  'DOMAIN_ERROR_CODES',
  // calendar
  'DEFAULT_TIME_ZONE',
  'isLocalDate',
  'parseLocalDate',
  'localDateOf',
  'addDays',
  'daysBetween',
  'parseTimeZone',
  'parseCampaignCalendar',
  'phaseOn',
  'phaseOnDate',
  'findPhase',
  'SEED_PHASE_CODES',
  'ACTION_PHASES',
  'CAMPAIGN_ACTIONS',
  'actionWindows',
  'isActionAllowed',
  'assertActionAllowed',
  'allowedActions',
  // organization
  'buildUnitTree',
  'unitOrThrow',
  'descendants',
  'pathToRoot',
  'appraisedUnits',
  'rootUnits',
  'parseLeadingGroup',
  // work plan
  'parseGuidingPrinciple',
  'parseObjectives',
  'parseRequirements',
  'parseThemes',
  'parseWorkItem',
  'parseWorkItems',
  'applyProgressUpdate',
  'isWorkItemComplete',
  'summarizeWorkItems',
  'summarizeWorkItemsByLeadUnit',
  // appraisal
  'SEED_RATING_SCALE',
  'parseRatingScale',
  'isNoOpinion',
  'parseEvaluatorGroups',
  'totalQuota',
  'assertWithinQuota',
  'validateBallot',
  // rectification
  'RECTIFICATION_STATES',
  'ROLES',
  'RECTIFICATION_TRANSITIONS',
  'RECTIFICATION_EVENT_TYPES',
  'allowedEvents',
  'transitionRectification',
  'tryTransitionRectification',
  'openRectificationItem',
  'isOverdue',
  'isDueSoon',
  'rectificationRate',
  'rollUpProgress',
  // templates
  'SEED_PLAN',
  'instantiatePlan',
  'validateCampaignPlan',
] as const;

describe('package entry point', () => {
  it.each(EXPECTED_RUNTIME_EXPORTS)('exports %s', (name) => {
    expect(domain[name]).toBeDefined();
  });

  it('does not leak spec fixtures', () => {
    expect(Object.keys(domain)).not.toContain('SEED_CALENDAR_2026');
    expect(Object.keys(domain)).not.toContain('itemIn');
  });

  it('exports only known error codes, each equal to its key', () => {
    for (const [key, value] of Object.entries(domain.DOMAIN_ERROR_CODES)) expect(value).toBe(key);
  });
});
