import { describe, expect, it } from 'vitest';
import { itemLabel } from './item-label';

describe('an item as pickers name it', () => {
  const names = new Map([['traffic-police', '交警支队']]);

  it('shows its number and unit beside its title', () => {
    expect(itemLabel({ id: 4, title: '窗口排队', unitCode: 'traffic-police' }, names)).toBe('#4 窗口排队（交警支队）');
    expect(itemLabel({ id: 4, title: '窗口排队', unitCode: 'traffic-police' }, names, 'en')).toBe(
      '#4 窗口排队 (交警支队)',
    );
    expect(itemLabel({ id: 5, title: '无单位' }, names)).toBe('#5 无单位');
  });
});
