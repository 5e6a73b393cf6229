import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { BASE_ITEM, NOW } from './rectification-fixtures.js';
import { type RectificationItem, type RectificationState, ROLES, type Role } from './rectification-item.js';
import { allowedEvents, RECTIFICATION_EVENT_TYPES, type RectificationEvent } from './rectification-transitions.js';
import { transitionRectification } from './transition-rectification.js';

const VALID = {
  note: '进展',
  reason: '原因',
  plan: '方案',
  owner: '李队长',
  deadline: '2026-12-20',
  publicResponse: '已回应',
  evidence: ['file:1'],
  progress: 55,
  supervisingLeader: '贺富昌',
  reportingIntervalDays: 7,
};
const ACTORS = [
  ...ROLES.map((role) => ({ role, unit: undefined as string | undefined })),
  { role: 'liaison' as Role, unit: 'traffic-police' },
  { role: 'liaison' as Role, unit: 'public-order' },
];
// One step: either one of the (actor, event) pairs the table offers now, or any actor sending any event; the
// payload is valid or has one field broken.
const step = fc.record({
  actor: fc.constantFrom(...ACTORS),
  offered: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
  anyEvent: fc.constantFrom(...RECTIFICATION_EVENT_TYPES),
  broken: fc.option(
    fc.constantFrom<[string, unknown]>(
      ['deadline', '2026-11-01'],
      ['plan', ''],
      ['progress', 101],
      ['evidence', ['']],
      ['reportingIntervalDays', 0],
      ['note', undefined],
    ),
    { freq: 5 },
  ),
});

describe('random event sequences', () => {
  const reached = new Set<RectificationState | 'rebound'>();

  it('refuse only with TRANSITION_REFUSED and keep every item consistent', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 30, maxLength: 60 }), (steps) => {
        let item: RectificationItem = BASE_ITEM;
        for (const s of steps) {
          const current = item;
          const offered = ACTORS.flatMap((actor) =>
            allowedEvents(current, actor.role, actor.unit).map((type) => ({ actor, type })),
          );
          const chosen = s.offered && offered.length > 0 ? offered[s.pick % offered.length] : undefined;
          const { role, unit } = chosen?.actor ?? s.actor;
          const type = chosen?.type ?? s.anyEvent;
          const event = {
            ...VALID,
            ...(s.broken ? { [s.broken[0]]: s.broken[1] } : {}),
            type,
          } as unknown as RectificationEvent;
          try {
            const outcome = transitionRectification(item, event, { role, actorUnitCode: unit ?? null, now: NOW });
            expect(outcome.effects[0]?.type).toBe('history');
            expect(outcome.item.rebounds).toBeGreaterThanOrEqual(item.rebounds);
            item = outcome.item;
          } catch (error) {
            expect(isPingyiError(error, 'TRANSITION_REFUSED')).toBe(true);
            // allowedEvents and the transition agree: an offered event is only ever refused for its payload.
            if (chosen)
              expect(['missingField', 'invalidField']).toContain(
                (error as { details?: { reason?: string } }).details?.reason,
              );
          }
          reached.add(item.state);
          if (item.rebounds > 0) reached.add('rebound');
          if (item.state === 'accepted') expect(item.closedOn).not.toBeNull();
          else expect(item.closedOn).toBeNull();
          if (item.state === 'accepted' || item.state === 'dismissed') expect(item.supervision).toBeNull();
          if (['planned', 'inProgress', 'rectified', 'accepted'].includes(item.state)) {
            expect(item.plan).not.toBeNull();
            expect(item.deadline).not.toBeNull();
          }
          if (item.state === 'rectified' || item.state === 'accepted') expect(item.publicResponse).not.toBeNull();
        }
      }),
      { numRuns: 400, seed: 20261016 },
    );
  });

  it('the walks above reached every state and a rebound (so the invariants were exercised)', () => {
    expect([...reached].sort()).toEqual([
      'accepted',
      'dismissed',
      'identified',
      'inProgress',
      'planned',
      'rebound',
      'rectified',
      'verified',
    ]);
  });
});
