import { describe, expect, it } from 'vitest';
import { descendantsOf, flattenTree, type UnitRow } from './unit-tree';

const unit = (code: string, parentCode: string | null, sortOrder = 0): UnitRow => ({
  id: code,
  code,
  name: code,
  parentCode,
  appraised: true,
  sortOrder,
});

describe('flattenTree', () => {
  it('orders depth first, siblings by sortOrder', () => {
    const rows = flattenTree([
      unit('b', null, 2),
      unit('a', null, 1),
      unit('a2', 'a', 2),
      unit('a1', 'a', 1),
      unit('a1x', 'a1'),
    ]);
    expect(rows.map((r) => `${'-'.repeat(r.depth)}${r.code}`)).toEqual(['a', '-a1', '--a1x', '-a2', 'b']);
    expect(rows.find((r) => r.code === 'a1')?.hasChildren).toBe(true);
  });

  it.each([
    ['an orphan as a root', [unit('x', 'missing')], ['x']],
    ['a cycle flat at the end', [unit('r', null), unit('p', 'q'), unit('q', 'p')], ['r', 'p', 'q']],
  ])('shows %s', (_name, units, codes) => {
    expect(flattenTree(units).map((r) => r.code)).toEqual(codes);
  });
});

describe('descendantsOf', () => {
  it('collects the unit and everything below', () => {
    const units = [unit('a', null), unit('b', 'a'), unit('c', 'b'), unit('d', null)];
    expect([...descendantsOf(units, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...descendantsOf(units, 'd')]).toEqual(['d']);
  });
});
