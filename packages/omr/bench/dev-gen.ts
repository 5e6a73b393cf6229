import { distortRaster, encodeGrey } from '../src/generator/distort.js';
import { fillMarks } from '../src/generator/marks.js';
import { createPrng } from '../src/generator/prng.js';
import { appraisalSheetLayout } from '../src/layout.js';
import { conditions, printedPage, rowMark, CAMPAIGN } from './mix.js';
const L = appraisalSheetLayout(80, 6).pages[0]!;
const T: Record<string, number> = {};
const tick = (k: string, t: number) => (T[k] = (T[k] ?? 0) + performance.now() - t);
for (let n = 0; n < 12; n++) {
  const rng = createPrng(n + 1);
  const dpi = 200;
  let t = performance.now();
  const p = printedPage(
    { campaignKey: CAMPAIGN, kind: 'A', groupIndex: 1, page: 1, pages: 2, serial: '000000000' + (n % 10) },
    dpi,
  );
  tick('print', t);
  t = performance.now();
  const f = fillMarks(
    p,
    dpi / 25.4,
    L,
    L.rows.map(() => rowMark(rng)),
    n,
  );
  tick('fill', t);
  t = performance.now();
  const d = conditions(rng, dpi, n);
  const s = await distortRaster(f, d);
  tick('distort', t);
  t = performance.now();
  await encodeGrey(s, d.jpegQuality);
  tick(d.jpegQuality ? 'jpeg' : 'png', t);
}
console.log(Object.fromEntries(Object.entries(T).map(([k, v]) => [k, Math.round(v / 12)])));
