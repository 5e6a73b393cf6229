import { sheetScans, SHAPE } from './mix.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { readScanPages } from '../src/scan-input/read-scan-pages.js';
let t = performance.now();
const scans = [];
for (let n = 0; n < 6; n++) scans.push(...(await sheetScans(n)));
console.log('gen per page', ((performance.now() - t) / scans.length).toFixed(0));
const imgs = [];
t = performance.now();
for (const s of scans) for await (const p of readScanPages(s.bytes, 'x')) if ('image' in p) imgs.push(p.image);
console.log('decode per page', ((performance.now() - t) / scans.length).toFixed(0));
t = performance.now();
for (let k = 0; k < 2; k++)
  for (const im of imgs) {
    const o = await recognizePage(im, () => SHAPE);
    if (o.kind !== 'appraisal') console.log(o);
  }
console.log('recog per page', ((performance.now() - t) / imgs.length / 2).toFixed(0));
