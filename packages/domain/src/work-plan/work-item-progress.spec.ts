import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { applyProgressUpdate, summarizeWorkItems, summarizeWorkItemsByLeadUnit } from './work-item-progress.js';
import { type WorkItem } from './work-item.js';

const ITEM: WorkItem = {
  themeCode: 'police-welfare',
  number: 5,
  text: '大力加强警营文化建设……',
  leadUnitCodes: ['political-department', 'logistics'],
  progress: 50,
  updates: [{ date: '2026-08-01', progress: 50 }],
};
// 2026-09-01T15:59:59Z is 09-01 23:59:59 in Shanghai.
const CONTEXT = { now: new Date('2026-09-01T15:59:59Z'), timeZone: 'Asia/Shanghai' };

describe('applyProgressUpdate', () => {
  it('appends an update dated today by default and sets progress', () => {
    const next = applyProgressUpdate(ITEM, { progress: 70, unitCode: 'logistics' }, CONTEXT);
    expect(next.progress).toBe(70);
    expect(next.updates).toEqual([...ITEM.updates, { date: '2026-09-01', progress: 70, unitCode: 'logistics' }]);
    expect(ITEM.updates).toHaveLength(1);
  });

  it('accepts a drop with a note, trimming the note', () => {
    expect(
      applyProgressUpdate(ITEM, { date: '2026-09-01', progress: 30, note: ' 方案调整 ' }, CONTEXT).updates.at(-1),
    ).toEqual({
      date: '2026-09-01',
      progress: 30,
      note: '方案调整',
    });
  });

  it.each([
    ['not an object', 'x', 'update', /must be an object/],
    ['progress missing', {}, 'update.progress', /must be an integer, got nothing/],
    ['progress 101', { progress: 101 }, 'update.progress', /at most 100/],
    ['fractional progress', { progress: 50.5 }, 'update.progress', /must be an integer/],
    [
      'future date in Shanghai',
      { date: '2026-09-02', progress: 60 },
      'update.date',
      /dated 2026-09-02, after today 2026-09-01 \(Asia\/Shanghai\)/,
    ],
    [
      'before the latest update',
      { date: '2026-07-31', progress: 60 },
      'update.date',
      /before the previous update \(2026-08-01\)/,
    ],
    [
      'drop without note',
      { progress: 40 },
      'update.note',
      /progress goes down from 50 to 40 on 2026-09-01: a note must say why/,
    ],
    [
      'not a lead unit',
      { progress: 60, unitCode: 'traffic-police' },
      'update.unitCode',
      /"traffic-police" is not a lead unit of work item police-welfare \(5\) \(political-department, logistics\)/,
    ],
  ])('%s → INVALID_PROGRESS at %s', (_name, update, path, message) => {
    try {
      applyProgressUpdate(ITEM, update, CONTEXT);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(isPingyiError(error, 'INVALID_PROGRESS')).toBe(true);
      expect((error as { path?: string }).path).toBe(path);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('uses the given time zone for "today"', () => {
    const newYork = { now: new Date('2026-09-02T03:00:00Z'), timeZone: 'America/New_York' };
    expect(() => applyProgressUpdate(ITEM, { date: '2026-09-02', progress: 60 }, newYork)).toThrowError(
      /after today 2026-09-01 \(America\/New_York\)/,
    );
  });
});

describe('completion summaries', () => {
  const items: WorkItem[] = [
    { ...ITEM, progress: 100 },
    { ...ITEM, number: 6, progress: 0, leadUnitCodes: ['logistics'] },
    { ...ITEM, number: 7, progress: 35, leadUnitCodes: ['political-department'] },
  ];
  it('counts completed, in progress and not started', () => {
    expect(summarizeWorkItems(items)).toEqual({
      total: 3,
      completed: 1,
      inProgress: 1,
      notStarted: 1,
      meanProgress: 45,
    });
    expect(summarizeWorkItems([])).toEqual({
      total: 0,
      completed: 0,
      inProgress: 0,
      notStarted: 0,
      meanProgress: null,
    });
  });
  it('summarizes per lead unit, counting shared items for each unit', () => {
    expect(summarizeWorkItemsByLeadUnit(items)).toEqual([
      { unitCode: 'logistics', total: 2, completed: 1, inProgress: 0, notStarted: 1, meanProgress: 50 },
      { unitCode: 'political-department', total: 2, completed: 1, inProgress: 1, notStarted: 0, meanProgress: 67.5 },
    ]);
  });
});
