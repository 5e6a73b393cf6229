import { describe, expect, it } from 'vitest';
import { parseRatingScale } from './rating-scale.js';

describe('parseRatingScale', () => {
  it('keeps an English label when a level gives one (the English ballot page shows it), and none otherwise', () => {
    const scale = parseRatingScale([
      { code: 'satisfied', label: '满意', labelEn: ' Satisfied ', points: 100 },
      { code: 'unknown', label: '不了解', points: null },
    ]);
    expect(scale).toEqual([
      { code: 'satisfied', label: '满意', labelEn: 'Satisfied', points: 100 },
      { code: 'unknown', label: '不了解', points: null },
    ]);
  });

  it('refuses an English label that is not a short text, naming it', () => {
    expect(() => parseRatingScale([{ code: 'satisfied', label: '满意', labelEn: 3, points: 100 }])).toThrowError(
      expect.objectContaining({ code: 'INVALID_SCALE', path: 'scale[0].labelEn' }),
    );
    expect(() => parseRatingScale([{ code: 'satisfied', labelEn: 'x'.repeat(101), points: 100 }])).toThrowError(
      expect.objectContaining({ path: 'scale[0].labelEn' }),
    );
  });
});
