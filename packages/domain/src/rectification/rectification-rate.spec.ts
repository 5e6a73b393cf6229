import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { itemIn } from './rectification-fixtures.js';
import { type RectificationItem, type RectificationState } from './rectification-item.js';
import { rectificationRate, rollUpProgress } from './rectification-rate.js';

const item = (
  id: string,
  unitCode: string,
  state: RectificationState,
  changes: Partial<RectificationItem> = {},
): RectificationItem => itemIn(state, { id, unitCode, ...changes });

describe('rectificationRate', () => {
  const items = [
    item('a1', 'traffic-police', 'accepted'),
    item('a2', 'traffic-police', 'rectified'),
    item('a3', 'traffic-police', 'dismissed'),
    item('a4', 'traffic-police', 'inProgress'),
    item('a4.1', 'traffic-police', 'accepted', { parentId: 'a4' }),
    item('b1', 'legal-affairs', 'accepted'),
    item('b2', 'legal-affairs', 'accepted'),
    item('c1', 'logistics', 'dismissed'),
  ];

  it('counts accepted top-level items over all but dismissed ones, per unit and overall', () => {
    expect(rectificationRate(items)).toEqual({
      overall: { closed: 3, total: 5, dismissed: 2, rate: 0.6 },
      byUnit: [
        { unitCode: 'legal-affairs', closed: 2, total: 2, dismissed: 0, rate: 1 },
        { unitCode: 'logistics', closed: 0, total: 0, dismissed: 1, rate: null },
        { unitCode: 'traffic-police', closed: 1, total: 3, dismissed: 1, rate: 1 / 3 },
      ],
    });
  });

  it('has no rate for no items', () => {
    expect(rectificationRate([])).toEqual({ overall: { closed: 0, total: 0, dismissed: 0, rate: null }, byUnit: [] });
  });
});

describe('rollUpProgress', () => {
  it('weights children, recursing, and skips dismissed ones', () => {
    const items = [
      item('p', 'traffic-police', 'inProgress', { progress: 5 }),
      item('c1', 'traffic-police', 'accepted', { parentId: 'p', weight: 3 }), // 100
      item('c2', 'traffic-police', 'inProgress', { parentId: 'p', weight: 1, progress: 20 }), // rolls up from its own child
      item('c2a', 'traffic-police', 'planned', { parentId: 'c2', progress: null }), // 0
      item('c2b', 'traffic-police', 'rectified', { parentId: 'c2' }), // 100
      item('c3', 'traffic-police', 'dismissed', { parentId: 'p', weight: 10 }),
      item('solo', 'legal-affairs', 'inProgress', { progress: 35 }),
    ];
    const progress = rollUpProgress(items);
    expect(progress.get('c2')).toBe(50);
    expect(progress.get('p')).toBe((3 * 100 + 1 * 50) / 4);
    expect(progress.get('solo')).toBe(35);
    expect(progress.has('c3')).toBe(false);
  });

  it('counts null weights as 1 and keeps a settled parent at 100', () => {
    const items = [
      item('p', 'traffic-police', 'inProgress'),
      item('c1', 'traffic-police', 'accepted', { parentId: 'p' }),
      item('c2', 'traffic-police', 'verified', { parentId: 'p' }),
      item('q', 'traffic-police', 'accepted'),
      item('q1', 'traffic-police', 'verified', { parentId: 'q' }),
    ];
    const progress = rollUpProgress(items);
    expect(progress.get('p')).toBe(50);
    expect(progress.get('q')).toBe(100);
  });

  it.each([
    [
      'duplicate id',
      [item('a', 'x', 'verified'), item('a', 'x', 'verified')],
      'items[1].id',
      /item id "a" is used twice/,
    ],
    ['unknown parent', [item('a', 'x', 'verified', { parentId: 'zz' })], 'items[0].parentId', /names parent "zz"/],
    [
      'cycle',
      [item('a', 'x', 'verified', { parentId: 'b' }), item('b', 'x', 'verified', { parentId: 'a' })],
      'items[0].parentId',
      /item "a" is its own ancestor/,
    ],
    [
      'cycle through a dismissed item',
      [item('a', 'x', 'dismissed', { parentId: 'b' }), item('b', 'x', 'verified', { parentId: 'a' })],
      'items[0].parentId',
      /its own ancestor/,
    ],
    [
      'all-zero weights',
      [item('p', 'x', 'inProgress'), item('c', 'x', 'verified', { parentId: 'p', weight: 0 })],
      'items[0]',
      /all have weight 0/,
    ],
  ])('%s → INVALID_RECTIFICATION_ITEM at %s', (_name, items, path, message) => {
    try {
      rollUpProgress(items);
      expect.unreachable();
    } catch (error) {
      expect(isPingyiError(error, 'INVALID_RECTIFICATION_ITEM')).toBe(true);
      expect((error as { path?: string }).path).toBe(path);
      expect((error as Error).message).toMatch(message);
    }
  });
});
