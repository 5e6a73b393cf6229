import { expectedReading } from '../src/generator/marks.js';
import type { PageOutcome } from '../src/recognize/types.js';
import type { PageScan } from './mix.js';

export const EXPECTED = ['clear', 'blank', 'doubtful'] as const;
export const READ = ['mark-correct', 'mark-wrong', 'blank', 'review', 'refused'] as const;
export type Confusion = Record<(typeof EXPECTED)[number], Record<(typeof READ)[number], number>>;

export const emptyConfusion = (): Confusion =>
  Object.fromEntries(EXPECTED.map((e) => [e, Object.fromEntries(READ.map((r) => [r, 0]))])) as Confusion;

export function addConfusion(into: Confusion, from: Confusion): void {
  for (const e of EXPECTED) for (const r of READ) into[e][r] += from[e][r];
}

/** Score one page's outcome against its marks; returns descriptions of silent misreads. */
export function scorePage(c: Confusion, scan: PageScan, out: PageOutcome): string[] {
  const bad: string[] = [];
  scan.marks.forEach((mark, i) => {
    const want = expectedReading(mark);
    const e = want.kind === 'mark' ? 'clear' : want.kind;
    if (out.kind !== 'appraisal') {
      c[e].refused += 1;
      return;
    }
    const got = out.rows[i]?.reading;
    let r: (typeof READ)[number];
    if (!got || got.kind === 'review') r = 'review';
    else if (got.kind === 'blank') r = 'blank';
    else r = want.kind === 'mark' && got.level === want.level ? 'mark-correct' : 'mark-wrong';
    c[e][r] += 1;
    const silentWrong =
      (e === 'clear' && (r === 'mark-wrong' || r === 'blank')) ||
      (e === 'doubtful' && r !== 'review') ||
      (e === 'blank' && r !== 'blank' && r !== 'review');
    if (silentWrong || (e === 'clear' && r === 'review'))
      bad.push(
        `${silentWrong ? 'MISREAD' : 'review'} dpi ${scan.dpi} p${scan.page} row ${i} ${JSON.stringify(mark)} -> ${JSON.stringify(got)} fills ${out.rows[i]?.fills.map((f) => f.toFixed(2)).join(' ')}`,
      );
  });
  return bad;
}
