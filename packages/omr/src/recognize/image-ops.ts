import type { GreyImage } from './types.js';

/** The image shrunk by an integer factor, each pixel the mean of a factor × factor box. */
export function boxDownsample(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const area = factor * factor;
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy += 1) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x += 1) {
        let s = 0;
        const base = row + x * factor;
        for (let dx = 0; dx < factor; dx += 1) s += image.data[base + dx] as number;
        sums[x] = (sums[x] as number) + s;
      }
    }
    for (let x = 0; x < width; x += 1) out[y * width + x] = Math.round((sums[x] as number) / area);
  }
  return { data: out, width, height };
}

/** The grey histogram of every `step`-th pixel. */
export function histogram(data: Uint8Array, step = 1): Uint32Array {
  const h = new Uint32Array(256);
  for (let i = 0; i < data.length; i += step) h[data[i] as number] = (h[data[i] as number] as number) + 1;
  return h;
}

/** The grey value below which `share` (0..1) of the histogram's pixels lie. */
export function percentile(h: Uint32Array, share: number): number {
  let total = 0;
  for (let i = 0; i < 256; i += 1) total += h[i] as number;
  const target = share * total;
  let acc = 0;
  for (let i = 0; i < 256; i += 1) {
    acc += h[i] as number;
    if (acc > target) return i;
  }
  return 255;
}

/** Otsu's threshold of a histogram. */
export function otsu(h: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i += 1) {
    total += h[i] as number;
    sum += i * (h[i] as number);
  }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t += 1) {
    wB += h[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (h[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Bilinear sample at continuous coordinates (pixel i's centre at i + 0.5); white outside the image. */
export function sampleBilinear(image: GreyImage, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) {
    const cx = Math.round(fx);
    const cy = Math.round(fy);
    return cx >= 0 && cy >= 0 && cx < image.width && cy < image.height
      ? (image.data[cy * image.width + cx] as number)
      : 255;
  }
  const ax = fx - x0;
  const ay = fy - y0;
  const i = y0 * image.width + x0;
  const d = image.data;
  const top = (d[i] as number) * (1 - ax) + (d[i + 1] as number) * ax;
  const bottom = (d[i + image.width] as number) * (1 - ax) + (d[i + image.width + 1] as number) * ax;
  return top * (1 - ay) + bottom * ay;
}
