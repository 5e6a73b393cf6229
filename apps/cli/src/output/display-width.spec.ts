import { describe, expect, it } from 'vitest';
import { displayWidth, pad } from './display-width.js';

describe('displayWidth', () => {
  it.each([
    ['traffic-police', 14],
    ['满意', 4],
    ['比较满意%', 9],
    ['交警支队 A', 10],
    ['ｆｕｌｌ', 8], // fullwidth Latin
    ['e\u0301', 1], // combining accent
    ['한국', 4],
    ['', 0],
    ['🚀', 2], // wide emoji the hand-written table missed
    ['\u{1F1E8}', 1], // a regional indicator alone
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads by columns, not characters', () => {
    expect(pad('满意', 6, 'left')).toBe('满意  ');
    expect(pad('满意', 6, 'right')).toBe('  满意');
    expect(pad('too wide', 3, 'left')).toBe('too wide');
  });
});
