// The OMR bench: accuracy over synthetic sheets (both cores), speed at 200 dpi (one core), memory.
// Usage: tsx bench/omr-bench.ts [--sheets 2000] [--workers 2] [--speed-pages 200]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { readScanPages } from '../src/scan-input/read-scan-pages.js';
import type { GreyImage } from '../src/recognize/types.js';
import type { SheetLabel } from '../src/sheet-label.js';
import { LABOUR_ASSUMPTIONS, labourEstimate } from './labour.js';
import { CAMPAIGN, SHAPE, sheetScans } from './mix.js';
import { EXPECTED, READ, addConfusion, emptyConfusion, type Confusion } from './score.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SHEETS = arg('sheets', 2000);
const WORKERS = arg('workers', 2);
const SPEED_PAGES = arg('speed-pages', 200);
const here = dirname(fileURLToPath(import.meta.url));
const mb = (n: number): number => Math.round(n / 1024 / 1024);

async function accuracy(): Promise<{
  confusion: Confusion;
  notes: string[];
  byDpi: Record<number, { clear: number; correct: number; review: number }>;
  rss: { early: number; end: number; earlyAt: number };
  seconds: number;
}> {
  const confusion = emptyConfusion();
  const notes: string[] = [];
  const byDpi: Record<number, { clear: number; correct: number; review: number }> = {};
  const earlyAt = Math.min(200, Math.max(1, Math.round(SHEETS / 10)));
  let done = 0;
  let peak = 0;
  let early = 0;
  const started = Date.now();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  await Promise.all(
    Array.from(
      { length: WORKERS },
      (_, w) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
            workerData: { from: w, to: SHEETS, step: WORKERS },
          });
          worker.on('message', (m: { done?: boolean; confusion: Confusion; notes: string[]; byDpi: typeof byDpi }) => {
            if (m.done) return resolve();
            addConfusion(confusion, m.confusion);
            notes.push(...m.notes);
            for (const [dpi, v] of Object.entries(m.byDpi)) {
              const d = (byDpi[Number(dpi)] ??= { clear: 0, correct: 0, review: 0 });
              d.clear += v.clear;
              d.correct += v.correct;
              d.review += v.review;
            }
            done += 1;
            peak = Math.max(peak, process.memoryUsage().rss);
            if (done === earlyAt) early = peak;
            if (done % 100 === 0)
              console.log(
                `  ${done}/${SHEETS} sheets, ${((Date.now() - started) / 1000).toFixed(0)} s, rss ${mb(peak)} MB`,
              );
          });
          worker.on('error', reject);
        }),
    ),
  );
  clearInterval(sampler);
  return { confusion, notes, byDpi, rss: { early, end: peak, earlyAt }, seconds: (Date.now() - started) / 1000 };
}

async function speed(): Promise<{ recognizeMs: number; decodeMs: number; pool: number; pages: number }> {
  // one core: libvips decodes on one thread, as recognition runs on one
  sharp.concurrency(1);
  const pool: Uint8Array[] = [];
  for (let n = 0; pool.length < 50; n += 1)
    for (const s of await sheetScans(100_000 + n, 200, true)) pool.push(s.bytes);
  const shapeOf = (label: SheetLabel) => (label.campaignKey === CAMPAIGN ? SHAPE : null);
  const decode = async (bytes: Uint8Array): Promise<GreyImage> => {
    for await (const p of readScanPages(bytes, 'scan.png')) if ('image' in p) return p.image;
    throw new Error('no page');
  };
  // warm up
  for (const bytes of pool.slice(0, 5)) await recognizePage(await decode(bytes), shapeOf);
  let decodeMs = 0;
  let recognizeMs = 0;
  for (let i = 0; i < SPEED_PAGES; i += 1) {
    const bytes = pool[i % pool.length] as Uint8Array;
    let t = performance.now();
    await sharp(bytes).toColourspace('b-w').raw().toBuffer();
    decodeMs += performance.now() - t;
    const image = await decode(bytes);
    t = performance.now();
    const out = await recognizePage(image, shapeOf);
    recognizeMs += performance.now() - t;
    if (out.kind !== 'appraisal') throw new Error(`speed pool page refused: ${JSON.stringify(out)}`);
  }
  return {
    recognizeMs: recognizeMs / SPEED_PAGES,
    decodeMs: decodeMs / SPEED_PAGES,
    pool: pool.length,
    pages: SPEED_PAGES,
  };
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(3)} %`);

console.log(
  `OMR bench: ${SHEETS} sheets (${SHAPE.unitCount} units, ${SHAPE.levelCount} levels, 2 pages), ${WORKERS} workers`,
);
const acc = await accuracy();
const c = acc.confusion;
const total = (e: (typeof EXPECTED)[number]): number => READ.reduce((s, r) => s + c[e][r], 0);
console.log('\nConfusion (rows; expected × read):');
console.log(['expected'.padEnd(10), ...READ.map((r) => r.padStart(13))].join(''));
for (const e of EXPECTED) console.log([e.padEnd(10), ...READ.map((r) => String(c[e][r]).padStart(13))].join(''));
const clearTotal = total('clear');
const doubtfulTotal = total('doubtful');
const figures = {
  sheets: SHEETS,
  pages: SHEETS * 2,
  rows: clearTotal + total('blank') + doubtfulTotal,
  clearMarkAccuracy: c.clear['mark-correct'] / clearTotal,
  clearMisread: (c.clear['mark-wrong'] + c.clear.blank) / clearTotal,
  clearToReview: c.clear.review / clearTotal,
  doubtfulFlagged: c.doubtful.review / doubtfulTotal,
  blankCorrect: c.blank.blank / total('blank'),
  refusedRows: READ.length && EXPECTED.reduce((s, e) => s + c[e].refused, 0),
};
console.log(
  `\nclear-mark accuracy   ${pct(c.clear['mark-correct'], clearTotal)} (silently wrong: ${c.clear['mark-wrong'] + c.clear.blank})`,
);
console.log(`clear sent to review  ${pct(c.clear.review, clearTotal)}`);
console.log(`doubtful flagged      ${pct(c.doubtful.review, doubtfulTotal)}`);
console.log(`blank read blank      ${pct(c.blank.blank, total('blank'))}`);
for (const [dpi, d] of Object.entries(acc.byDpi))
  console.log(
    `  ${dpi} dpi: clear correct ${pct(d.correct, d.clear)}, to review ${pct(d.review, d.clear)} (${d.clear} rows)`,
  );
const misreads = acc.notes.filter((n) => !n.includes(' review '));
console.log(`\n${misreads.length} misread/refusal notes${misreads.length ? ':' : ''}`);
for (const n of misreads.slice(0, 20)) console.log(`  ${n}`);
const reviews = acc.notes.filter((n) => n.includes(' review '));
for (const n of reviews.slice(0, 8)) console.log(`  ${n}`);
console.log(`accuracy run: ${acc.seconds.toFixed(0)} s (generation included)`);

const reviewRate = (c.clear.review + c.blank.review + c.doubtful.review) / figures.rows;
const labour = labourEstimate(reviewRate);
const hours = (minutes: number): string => `${(minutes / 60).toFixed(0)} h`;
console.log(
  `\nLabour for ${LABOUR_ASSUMPTIONS.sheets.toLocaleString('en')} sheets, at this run's review rate ${pct(reviewRate, 1)}:`,
);
console.log(
  `  double keying ${labour.doubleKeying.keystrokes.toLocaleString('en')} keystrokes, ${hours(labour.doubleKeying.minutes)}`,
);
console.log(
  `  scanning: ${labour.scanning.reviewedRows.toLocaleString('en')} rows reviewed (one key each), ${hours(labour.scanning.reviewMinutes)} review + ${hours(labour.scanning.scannerMinutes)} at the scanner`,
);
console.log(
  `  saved ${labour.saved.keystrokes.toLocaleString('en')} keystrokes and ${hours(labour.saved.minutes)} (${pct(labour.saved.share, 1)} of the keying time)`,
);

const sp = await speed();
const perPageMs = sp.recognizeMs;
const sheetsPerSecondPerCore = 1000 / (2 * (sp.recognizeMs + sp.decodeMs));
const projected10kSeconds = (10_000 * 2 * (sp.recognizeMs + sp.decodeMs)) / 1000 / 2;
console.log(`\nSpeed at 200 dpi (pool of ${sp.pool} scans, ${sp.pages} pages, one core):`);
console.log(
  `  recognise ${perPageMs.toFixed(1)} ms/page, PNG decode ${sp.decodeMs.toFixed(1)} ms/page, ratio ${(perPageMs / sp.decodeMs).toFixed(2)}`,
);
console.log(
  `  ${sheetsPerSecondPerCore.toFixed(2)} sheets/s per core (decode + recognise), 10,000 sheets on 2 cores ≈ ${(projected10kSeconds / 60).toFixed(1)} min`,
);
console.log(`Peak RSS: ${mb(acc.rss.early)} MB after ${acc.rss.earlyAt} sheets, ${mb(acc.rss.end)} MB after ${SHEETS}`);

const report = {
  generatedAt: new Date().toISOString(),
  ...figures,
  confusion: c,
  byDpi: acc.byDpi,
  speed200dpi: {
    recognizeMsPerPage: perPageMs,
    pngDecodeMsPerPage: sp.decodeMs,
    recognizeToDecodeRatio: perPageMs / sp.decodeMs,
    sheetsPerSecondPerCore,
    projected10kSheetsTwoCoresMinutes: projected10kSeconds / 60,
  },
  labour: { reviewRate, assumptions: LABOUR_ASSUMPTIONS, ...labour },
  peakRssMb: { [`after${acc.rss.earlyAt}`]: mb(acc.rss.early), [`after${SHEETS}`]: mb(acc.rss.end) },
  accuracyRunSeconds: acc.seconds,
  misreadNotes: misreads.slice(0, 50),
};
mkdirSync(join(here, '..', 'reports'), { recursive: true });
writeFileSync(join(here, '..', 'reports', 'omr-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('written reports/omr-bench.json');
