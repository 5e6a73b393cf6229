import type { Point } from '../layout.js';

/** A plane projective transform, row-major 3 × 3 with h[8] = 1. */
export type Homography = readonly number[];

/** The homography taking each `from[i]` to `to[i]` (4 pairs), or null when degenerate. */
export function solveHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  const a: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < 8; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = 0; r < 8; r += 1) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]! / p[col]!;
      if (f !== 0) for (let k = col; k < 9; k += 1) row[k] = row[k]! - f * p[k]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return [...h, 1];
}

/** Apply a homography to a point. */
export function project(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}
