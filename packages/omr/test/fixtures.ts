import { expectedReading, type MarkSpec } from '../src/generator/marks.js';
import type { RecognizedRow } from '../src/recognize/types.js';

/** Every kind of mark the generator draws, cycled over a page's 60 rows. */
export const ALL_KINDS: readonly MarkSpec[] = [
  { kind: 'fill', level: 0 },
  { kind: 'fill', level: 1, ink: 'pencil' },
  { kind: 'fill', level: 5, ink: 'pen', coverage: 0.6 },
  { kind: 'tick', level: 2 },
  { kind: 'tick', level: 3, ink: 'pencil' },
  { kind: 'cross', level: 4 },
  { kind: 'cross', level: 0, ink: 'pencil' },
  { kind: 'blank' },
  { kind: 'double', levels: [1, 4] },
  { kind: 'fill', level: 5, ink: 'faint' },
  { kind: 'fill', level: 2, ink: 'pen', coverage: 0.1 },
  { kind: 'erased', erasedLevel: 2, level: 4 },
  { kind: 'erased', erasedLevel: 1, level: null },
  { kind: 'stray', level: 3 },
  { kind: 'stray', level: null },
];

export const pageMarks = (offset = 0): MarkSpec[] =>
  Array.from({ length: 60 }, (_, i) => ALL_KINDS[(i + offset) % ALL_KINDS.length]!);

/** Rows whose reading disagrees with what their mark should read as, described. */
export function misreadings(rows: readonly RecognizedRow[], marks: readonly MarkSpec[]): string[] {
  const out: string[] = [];
  rows.forEach((row, i) => {
    const mark = marks[i];
    if (!mark) return;
    const want = expectedReading(mark);
    const got = row.reading;
    const ok =
      want.kind === 'doubtful'
        ? got.kind === 'review'
        : want.kind === 'blank'
          ? got.kind === 'blank'
          : got.kind === 'mark' && got.level === want.level;
    if (!ok)
      out.push(
        `row ${i} ${JSON.stringify(mark)} read ${JSON.stringify(got)} fills ${row.fills.map((f) => f.toFixed(2)).join(' ')}`,
      );
  });
  return out;
}
