import sharp from 'sharp';
import { appraisalScan, shapeOf } from '../test/helpers.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
const img = await appraisalScan(1, [], { dpi: 150, skewDeg: 3 });
console.log(img.width, img.height, img.data.length);
await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
  .png()
  .toFile('/tmp/dbg.png');
console.log(JSON.stringify(await recognizePage(img, shapeOf)).slice(0, 200));
const m = await sharp(new Uint8Array(100 * 80).fill(200), { raw: { width: 100, height: 80, channels: 1 } })
  .affine(
    [
      [1, 0],
      [0, 1],
    ],
    { background: '#ffffff' },
  )
  .raw()
  .toBuffer({ resolveWithObject: true });
console.log(m.info);
const m2 = await sharp(new Uint8Array(100 * 80).fill(200), { raw: { width: 100, height: 80, channels: 1 } })
  .affine(
    [
      [1, 0],
      [0, 1],
    ],
    { background: '#ffffff' },
  )
  .toColourspace('b-w')
  .raw()
  .toBuffer({ resolveWithObject: true });
console.log(m2.info);
