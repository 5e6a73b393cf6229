import { describe, expect, it } from 'vitest';
import { EVENT_FORMS, eventForm, eventPayload } from './rectification-events';

describe('rectification event forms', () => {
  it('covers every event of the server schema', () => {
    // RectificationEventType in the server's schema (checked in the browser suite against the live schema)
    const events = [
      'accept',
      'approvePlan',
      'changeDeadline',
      'dismiss',
      'liftSupervision',
      'lookBackConfirmed',
      'lookBackRebound',
      'placeUnderSupervision',
      'proposePlan',
      'rejectPlan',
      'reportFixed',
      'reportProgress',
      'returnForRework',
      'verify',
    ];
    expect(Object.keys(EVENT_FORMS).sort()).toEqual(events);
  });

  it('falls back to a note for an unknown event', () => {
    expect(eventForm('somethingNew')).toEqual({ requires: [], optional: ['note'] });
  });

  it.each([
    [
      'proposePlan',
      { plan: '方案', owner: '张三', deadline: '2026-12-31', note: 'ignored' },
      { plan: '方案', owner: '张三', deadline: '2026-12-31' },
    ],
    ['reportProgress', { note: '进展', progress: '60', evidence: [] }, { note: '进展', progress: 60 }],
    [
      'placeUnderSupervision',
      { supervisingLeader: '李局长', reportingIntervalDays: '7' },
      { supervisingLeader: '李局长', reportingIntervalDays: 7 },
    ],
    ['accept', { note: '', lookBackDue: '2027-03-01' }, { lookBackDue: '2027-03-01' }],
  ])('%s payload', (event, values, payload) => {
    expect(eventPayload(eventForm(event), values)).toEqual(payload);
  });
});
