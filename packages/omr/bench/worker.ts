// Accuracy worker: generates and recognises sheets [from, to), posting counts back.
import { parentPort, workerData } from 'node:worker_threads';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { readScanPages } from '../src/scan-input/read-scan-pages.js';
import type { SheetLabel } from '../src/sheet-label.js';
import { CAMPAIGN, SHAPE, sheetScans } from './mix.js';
import { emptyConfusion, scorePage } from './score.js';

const { from, to, step } = workerData as { from: number; to: number; step: number };
const shapeOf = (label: SheetLabel) => (label.campaignKey === CAMPAIGN ? SHAPE : null);

for (let n = from; n < to; n += step) {
  const confusion = emptyConfusion();
  const notes: string[] = [];
  const byDpi: Record<number, { clear: number; correct: number; review: number }> = {};
  for (const scan of await sheetScans(n)) {
    let image;
    for await (const p of readScanPages(scan.bytes, 'scan')) if ('image' in p) image = p.image;
    if (!image) throw new Error('scan did not decode');
    const out = await recognizePage(image, shapeOf);
    if (out.kind !== 'appraisal')
      notes.push(`REFUSED sheet ${n} p${scan.page} dpi ${scan.dpi}: ${JSON.stringify(out)}`);
    const before = { ...confusion.clear };
    notes.push(...scorePage(confusion, scan, out).map((s) => `sheet ${n} ${s}`));
    const d = (byDpi[scan.dpi] ??= { clear: 0, correct: 0, review: 0 });
    d.correct += confusion.clear['mark-correct'] - before['mark-correct'];
    d.review += confusion.clear.review - before.review;
    d.clear +=
      Object.values(confusion.clear).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
  }
  parentPort?.postMessage({ confusion, notes, byDpi });
}
parentPort?.postMessage({ done: true });
