import { describe, expect, it } from 'vitest';
import { parseThemes, parseWorkItem, parseWorkItems } from './work-item.js';
import { errorOf } from '../errors/caught-error.js';

const ITEM = {
  themeCode: 'social-stability',
  number: 5,
  text: '深化巡卡防控机制……',
  leadUnitCodes: ['patrol-special-police', 'public-order'],
  progress: 40,
  updates: [
    { date: '2026-07-10', progress: 20 },
    { date: '2026-08-10', progress: 60, unitCode: 'public-order' },
    { date: '2026-08-10', progress: 40, note: '新增两个巡区' },
  ],
};
const CONTEXT = {
  themeCodes: new Set(['social-stability']),
  unitCodes: new Set(['patrol-special-police', 'public-order', 'border-defense']),
};

describe('parseThemes', () => {
  it('accepts themes; a title lost by the source may be empty', () => {
    const themes = [
      { code: 'social-stability', number: 1, title: '围绕社会稳定大局，着力解决治安热点难点' },
      { code: 'theme-3', number: 3, title: '', sourceGaps: ['title'] },
    ];
    expect(parseThemes(themes)).toEqual(themes);
  });

  it.each([
    [
      'duplicate code',
      [
        { code: 'a', number: 1, title: 'x' },
        { code: 'a', number: 2, title: 'y' },
      ],
      'themes[1].code: theme code "a" is used twice',
    ],
    ['empty title without a gap', [{ code: 'a', number: 1, title: '' }], 'themes[0].title: must not be empty'],
    [
      'unknown gap',
      [{ code: 'a', number: 1, title: 'x', sourceGaps: ['page'] }],
      'themes[0].sourceGaps[0]: must be one of title, text, leadUnits, number, got "page"',
    ],
    [
      'numbers out of order',
      [
        { code: 'a', number: 2, title: 'x' },
        { code: 'b', number: 1, title: 'y' },
      ],
      'themes[1].number: number 1 must be greater than the one before it (2)',
    ],
  ])('%s', (_name, input, message) => {
    expect(() => parseThemes(input)).toThrowError(message);
  });
});

describe('parseWorkItem', () => {
  it('accepts a valid item with a justified drop in progress', () => {
    expect(parseWorkItem(ITEM, 'item', CONTEXT)).toEqual(ITEM);
  });

  it('accepts an elided item with no text and no lead units, progress defaulting to 0', () => {
    expect(
      parseWorkItem(
        { themeCode: 'social-stability', number: 1, text: '', leadUnitCodes: [], elided: true },
        'item',
        CONTEXT,
      ),
    ).toEqual({
      themeCode: 'social-stability',
      number: 1,
      text: '',
      leadUnitCodes: [],
      progress: 0,
      updates: [],
      elided: true,
    });
  });

  it('accepts an item whose lead-unit line the source lost', () => {
    const item = parseWorkItem(
      { ...ITEM, leadUnitCodes: [], updates: [], progress: 0, sourceGaps: ['leadUnits'] },
      'item',
      CONTEXT,
    );
    expect(item.leadUnitCodes).toEqual([]);
  });

  it.each([
    ['not an object', 'INVALID_WORK_ITEM', 'item', [], /must be an object/],
    [
      'unknown theme',
      'INVALID_WORK_ITEM',
      'item.themeCode',
      { ...ITEM, themeCode: 'traffic' },
      /theme "traffic" is not a theme of this plan/,
    ],
    ['number zero', 'INVALID_WORK_ITEM', 'item.number', { ...ITEM, number: 0 }, /at least 1/],
    ['text blank', 'INVALID_WORK_ITEM', 'item.text', { ...ITEM, text: ' ' }, /must not be empty/],
    [
      'no lead unit',
      'INVALID_WORK_ITEM',
      'item.leadUnitCodes',
      { ...ITEM, leadUnitCodes: [] },
      /at least one lead unit/,
    ],
    [
      'lead unit twice',
      'INVALID_WORK_ITEM',
      'item.leadUnitCodes',
      { ...ITEM, leadUnitCodes: ['public-order', 'public-order'] },
      /"public-order" is listed twice/,
    ],
    [
      'unknown lead unit',
      'UNKNOWN_UNIT',
      'item.leadUnitCodes[1]',
      { ...ITEM, leadUnitCodes: ['public-order', 'traffic-police'] },
      /lead unit "traffic-police" is not a unit of this campaign/,
    ],
    [
      'progress above 100',
      'INVALID_PROGRESS',
      'item.updates[0].progress',
      { ...ITEM, updates: [{ date: '2026-07-10', progress: 101 }] },
      /at most 100, got 101/,
    ],
    [
      'progress not an integer',
      'INVALID_PROGRESS',
      'item.progress',
      { ...ITEM, updates: [], progress: 12.5 },
      /must be an integer, got 12.5/,
    ],
    [
      'negative progress',
      'INVALID_PROGRESS',
      'item.updates[0].progress',
      { ...ITEM, updates: [{ date: '2026-07-10', progress: -1 }] },
      /at least 0/,
    ],
    [
      'update undated',
      'INVALID_PROGRESS',
      'item.updates[0].date',
      { ...ITEM, updates: [{ progress: 10 }] },
      /not a calendar date/,
    ],
    [
      'updates out of date order',
      'INVALID_PROGRESS',
      'item.updates[1].date',
      {
        ...ITEM,
        updates: [
          { date: '2026-08-10', progress: 20 },
          { date: '2026-08-09', progress: 40 },
        ],
      },
      /dated 2026-08-09, before the previous update \(2026-08-10\)/,
    ],
    [
      'drop without a note',
      'INVALID_PROGRESS',
      'item.updates[2].note',
      { ...ITEM, updates: ITEM.updates.map((u, i) => (i === 2 ? { date: u.date, progress: u.progress } : u)) },
      /progress goes down from 60 to 40 on 2026-08-10: a note must say why/,
    ],
    [
      'progress disagrees with latest update',
      'INVALID_PROGRESS',
      'item.progress',
      { ...ITEM, progress: 60 },
      /progress is 60 but the latest update \(2026-08-10\) says 40/,
    ],
    [
      'progress without updates',
      'INVALID_PROGRESS',
      'item.progress',
      { ...ITEM, updates: [], progress: 30 },
      /progress is 30 with no update reporting it/,
    ],
    [
      'update by a unit that does not lead',
      'INVALID_PROGRESS',
      'item.updates[0].unitCode',
      { ...ITEM, updates: [{ date: '2026-07-10', progress: 40, unitCode: 'border-defense' }] },
      /"border-defense" is not a lead unit/,
    ],
  ])('%s → %s at %s', (_name, code, path, input, message) => {
    const error = errorOf(() => parseWorkItem(input, 'item', CONTEXT));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('parseWorkItems', () => {
  it('requires increasing numbers within a theme', () => {
    const base = { themeCode: 'a', text: 't', leadUnitCodes: ['u'] };
    expect(
      parseWorkItems([
        { ...base, number: 1 },
        { ...base, themeCode: 'b', number: 1 },
        { ...base, number: 4 },
      ]),
    ).toHaveLength(3);
    const error = errorOf(() =>
      parseWorkItems([
        { ...base, number: 2 },
        { ...base, number: 2 },
      ]),
    );
    expect([error.code, error.path, error.message]).toEqual([
      'INVALID_WORK_ITEM',
      'workItems[1].number',
      'workItems[1].number: work item a (2) must come after (2) of the same theme',
    ]);
  });
});
