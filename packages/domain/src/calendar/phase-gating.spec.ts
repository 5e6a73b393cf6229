import { describe, expect, it } from 'vitest';
import { messageText, type ReasonParams } from '../errors/reasons/index.js';
import { SEED_CALENDAR_2026, TWO_YEAR_CALENDAR } from './calendar-fixtures.js';
import { type CampaignCalendar } from './campaign-calendar.js';
import {
  ACTION_PHASES,
  actionWindows,
  allowedActions,
  assertActionAllowed,
  CAMPAIGN_ACTIONS,
  type CampaignAction,
  isActionAllowed,
} from './phase-gating.js';
import { errorOf } from '../errors/caught-error.js';

// Noon in Shanghai on a day inside each phase, plus the first and last local instant of each phase.
const PHASE_INSTANTS = {
  beforeCampaign: ['2026-06-17T15:59:59Z'],
  mobilization: ['2026-06-17T16:00:00Z', '2026-06-24T04:00:00Z', '2026-06-30T15:59:59Z'],
  implementation: ['2026-06-30T16:00:00Z', '2026-08-01T04:00:00Z', '2026-10-15T15:59:59Z'],
  appraisal: ['2026-10-15T16:00:00Z', '2026-11-01T04:00:00Z', '2026-11-15T15:59:59Z'],
  rectification: ['2026-11-15T16:00:00Z', '2026-12-01T04:00:00Z', '2026-12-31T15:59:59Z'],
  afterCampaign: ['2026-12-31T16:00:00Z'],
} as const;

// Hand-written expectation: for every action, the seed phases it is open in.
const EXPECTED_OPEN: Record<CampaignAction, readonly (keyof typeof PHASE_INSTANTS)[]> = {
  fileUnitPlan: ['mobilization'],
  reportWorkItemProgress: ['implementation'],
  issueAccessCodes: ['implementation', 'appraisal'],
  castBallot: ['appraisal'],
  importPaperBallots: ['appraisal'],
  reviewOpinions: ['appraisal', 'rectification'],
  publishStandings: ['rectification'],
  openRectificationItem: ['rectification'],
  advanceRectificationItem: ['rectification'],
  superviseRectificationItem: ['rectification'],
  recordLookBack: ['rectification'],
  recordPolicyAction: ['rectification'],
  recordInspection: ['mobilization', 'implementation', 'appraisal', 'rectification'],
  issueNotice: ['mobilization', 'implementation', 'appraisal', 'rectification'],
  publishBulletin: ['mobilization', 'implementation', 'appraisal', 'rectification'],
};

describe('the gating table', () => {
  it('has a hand-written expectation for exactly the actions it lists', () => {
    expect([...CAMPAIGN_ACTIONS].sort()).toEqual(Object.keys(EXPECTED_OPEN).sort());
  });
});

describe('every action in every phase of the seed calendar', () => {
  const cases = CAMPAIGN_ACTIONS.flatMap((action) =>
    Object.entries(PHASE_INSTANTS).flatMap(([where, instants]) =>
      instants.map((iso) => ({
        action,
        where,
        iso,
        open: (EXPECTED_OPEN[action] as readonly string[]).includes(where),
      })),
    ),
  );
  it.each(cases)('$action at $iso ($where): open=$open', ({ action, iso, open }) => {
    const instant = new Date(iso);
    expect(isActionAllowed(SEED_CALENDAR_2026, action, instant)).toBe(open);
    if (open) {
      expect(assertActionAllowed(SEED_CALENDAR_2026, action, instant).code).toBeDefined();
    } else {
      const error = errorOf(() => assertActionAllowed(SEED_CALENDAR_2026, action, instant));
      expect(error.code).toBe('PHASE_CLOSED');
      expect(error.message).toContain(`${action} (${ACTION_PHASES[action].label})`);
      expect(error.details?.action).toBe(action);
    }
  });
});

describe('PHASE_CLOSED message and details', () => {
  it('names the action, the window with dates and time zone, and today', () => {
    const error = errorOf(() =>
      assertActionAllowed(SEED_CALENDAR_2026, 'castBallot', new Date('2026-11-15T16:00:00Z')),
    );
    expect(error.message).toBe(
      'action: castBallot (提交评议表) is closed on 2026-11-16, in 整改提高 rectification: it is allowed only in 接受评议 appraisal 2026-10-16 to 2026-11-15 (Asia/Shanghai)',
    );
    expect(error.details).toEqual({
      action: 'castBallot',
      actionLabel: '提交评议表',
      date: '2026-11-16',
      timeZone: 'Asia/Shanghai',
      phase: { code: 'rectification', label: '整改提高', start: '2026-11-16', end: '2026-12-31' },
      windows: [{ code: 'appraisal', label: '接受评议', start: '2026-10-16', end: '2026-11-15' }],
      messageKey: 'actionClosedInPhase',
      params: expect.objectContaining({
        actionLabel: '提交评议表',
        date: '2026-11-16',
        phaseLabel: '整改提高',
        windows: '“接受评议” 2026-10-16 至 2026-11-15',
      }),
    });
    expect(messageText('actionClosedInPhase', error.details?.params as ReasonParams, 'zh')).toBe(
      '“提交评议表”只能在 “接受评议” 2026-10-16 至 2026-11-15 办理；今天（2026-11-16）处于“整改提高”阶段',
    );
  });

  it('lists every window of a multi-phase action and says when the day is outside the campaign', () => {
    const error = errorOf(() =>
      assertActionAllowed(SEED_CALENDAR_2026, 'issueAccessCodes', new Date('2027-01-05T00:00:00Z')),
    );
    expect(error.message).toBe(
      'action: issueAccessCodes (发放评议码) is closed on 2027-01-05, outside every phase of the campaign: it is allowed only in 组织实施 implementation 2026-07-01 to 2026-10-15; 接受评议 appraisal 2026-10-16 to 2026-11-15 (Asia/Shanghai)',
    );
    expect(error.details?.phase).toBeNull();
  });

  it('says so when the calendar has no phase the action is allowed in', () => {
    const custom: CampaignCalendar = {
      start: '2026-01-01',
      end: '2026-12-31',
      timeZone: 'UTC',
      phases: [{ code: 'survey', label: '调查', start: '2026-01-01', end: '2026-12-31' }],
    };
    expect(actionWindows(custom, 'castBallot')).toEqual([]);
    expect(errorOf(() => assertActionAllowed(custom, 'castBallot', new Date('2026-05-01T00:00:00Z'))).message).toMatch(
      /this campaign has no phase it is allowed in$/,
    );
    expect(isActionAllowed(custom, 'recordInspection', new Date('2026-05-01T00:00:00Z'))).toBe(true);
  });

  it('refuses an unknown action with UNKNOWN_ACTION', () => {
    const error = errorOf(() => assertActionAllowed(SEED_CALENDAR_2026, 'voteTwice' as CampaignAction, new Date()));
    expect(error.code).toBe('UNKNOWN_ACTION');
    expect(error.message).toMatch(/"voteTwice" is not a campaign action/);
  });
});

describe('"from X on" covers later phases a bureau adds', () => {
  it.each([
    ['openRectificationItem', ['rectification', 'lookBack']],
    ['reviewOpinions', ['appraisal', 'rectification', 'lookBack']],
    ['castBallot', ['appraisal']],
    ['publishBulletin', ['mobilization', 'implementation', 'appraisal', 'rectification', 'lookBack']],
  ] as const)('%s → %j', (action, codes) => {
    expect(actionWindows(TWO_YEAR_CALENDAR, action).map((phase) => phase.code)).toEqual(codes);
  });

  it('allows a look-back in the second year', () => {
    expect(assertActionAllowed(TWO_YEAR_CALENDAR, 'recordLookBack', new Date('2027-08-01T00:00:00Z')).code).toBe(
      'lookBack',
    );
  });
});

describe('allowedActions', () => {
  it('lists what is open on the first day of appraisal', () => {
    expect(allowedActions(SEED_CALENDAR_2026, new Date('2026-10-15T16:00:00Z'))).toEqual([
      'issueAccessCodes',
      'castBallot',
      'importPaperBallots',
      'reviewOpinions',
      'recordInspection',
      'issueNotice',
      'publishBulletin',
    ]);
  });
});
