import { resampleRect } from '../src/recognize/rectify.js';
const img = { data: new Uint8Array(1654 * 2339).map((_, i) => i & 255), width: 1654, height: 2339 };
const h = [7.87, 0.05, 10, -0.05, 7.87, 12, 0, 0, 1];
for (let k = 0; k < 3; k++) {
  const t = performance.now();
  for (let j = 0; j < 5; j++) resampleRect(img, h, { x: 0, y: 0, width: 210, height: 297 }, 8);
  console.log(((performance.now() - t) / 5).toFixed(1), 'ms');
}
