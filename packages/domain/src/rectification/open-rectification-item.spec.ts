import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { openRectificationItem } from './open-rectification-item.js';
import { BASE_ITEM, NOW } from './rectification-fixtures.js';

const INPUT = {
  id: 'R-7',
  unitCode: 'traffic-police',
  title: ' 高峰时段交通拥堵 ',
  description: '意见表反映早高峰路口疏导不及时',
  source: 'opinion',
};

describe('openRectificationItem', () => {
  it('takes a deadline set when opening (限时), none by default', () => {
    expect(
      openRectificationItem({ ...INPUT, deadline: '2030-12-10' }, { role: 'office', now: NOW }).item.deadline,
    ).toBe('2030-12-10');
    expect(openRectificationItem(INPUT, { role: 'office', now: NOW }).item.deadline).toBeNull();
  });

  it('opens an identified item dated today in the bureau zone, with history and a notice to the unit', () => {
    const { item, effects } = openRectificationItem(INPUT, { role: 'office', now: new Date('2026-11-15T16:00:00Z') });
    expect(item).toEqual({ ...BASE_ITEM, openedOn: '2026-11-16' });
    expect(effects).toEqual([
      {
        type: 'history',
        itemId: 'R-7',
        event: 'open',
        from: null,
        to: 'identified',
        role: 'office',
        actorUnitCode: null,
        at: new Date('2026-11-15T16:00:00Z'),
        date: '2026-11-16',
        details: { unitCode: 'traffic-police', title: '高峰时段交通拥堵', source: 'opinion' },
      },
      { type: 'notify', itemId: 'R-7', to: 'unit', unitCode: 'traffic-police', reason: 'open' },
    ]);
  });

  it.each([['liaison'], ['leader']] as const)('refuses role %s', (role) => {
    expect(() => openRectificationItem(INPUT, { role, now: NOW })).toThrowError(
      expect.objectContaining({
        code: 'TRANSITION_REFUSED',
        details: expect.objectContaining({ reason: 'wrongRole' }),
      }),
    );
  });

  it.each([
    ['no id', { ...INPUT, id: '' }, 'INVALID_RECTIFICATION_ITEM', 'input.id'],
    ['bad unit code', { ...INPUT, unitCode: 'traffic police' }, 'INVALID_RECTIFICATION_ITEM', 'input.unitCode'],
    ['unit not in campaign', { ...INPUT, unitCode: 'border-defense' }, 'UNKNOWN_UNIT', 'input.unitCode'],
    ['no title', { ...INPUT, title: undefined }, 'INVALID_RECTIFICATION_ITEM', 'input.title'],
    ['negative weight', { ...INPUT, weight: -2 }, 'INVALID_RECTIFICATION_ITEM', 'input.weight'],
    ['own parent', { ...INPUT, parentId: 'R-7' }, 'INVALID_RECTIFICATION_ITEM', 'input.parentId'],
    [
      'a deadline that is not a date',
      { ...INPUT, deadline: '12月10日' },
      'INVALID_RECTIFICATION_ITEM',
      'input.deadline',
    ],
    ['a deadline in the past', { ...INPUT, deadline: '2020-01-01' }, 'INVALID_RECTIFICATION_ITEM', 'input.deadline'],
  ])('%s → %s at %s', (_name, input, code, path) => {
    try {
      openRectificationItem(input, { role: 'inspector', now: NOW, unitCodes: new Set(['traffic-police']) });
      expect.unreachable();
    } catch (error) {
      expect(isPingyiError(error, code)).toBe(true);
      expect((error as { path?: string }).path).toBe(path);
    }
  });
});
