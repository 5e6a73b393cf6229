import { BUBBLE_INNER_RADIUS_MM, type Point, type Rect, type SheetPageLayout } from '../layout.js';
import type { GreyImage } from '../recognize/types.js';
import { type Canvas, canvasOf, edge, inkArea, inkStroke } from './draw.js';
import { createPrng, type Prng } from './prng.js';

/** What a voter's pen or pencil left: `pen` is dark, `pencil` mid-grey and grainy, `faint` a light touch. */
export type Ink = 'pen' | 'pencil' | 'faint';

/** Test fixture: what is drawn in one row of bubbles. Levels are 0-based. */
export type MarkSpec =
  | { readonly kind: 'blank' }
  /** A filled bubble; `coverage` (default 1) is the share of the bubble filled, as a segment. */
  | { readonly kind: 'fill'; readonly level: number; readonly ink?: Ink; readonly coverage?: number }
  | { readonly kind: 'tick' | 'cross'; readonly level: number; readonly ink?: 'pen' | 'pencil' }
  | { readonly kind: 'double'; readonly levels: readonly [number, number] }
  /** A pencil mark rubbed out (a grey smudge), and perhaps a new mark made. */
  | { readonly kind: 'erased'; readonly erasedLevel: number; readonly level: number | null }
  /** A stray pen line outside the bubbles, and perhaps a clear mark. */
  | { readonly kind: 'stray'; readonly level: number | null };

/** How a row ought to read: the level, blank, or doubtful (a person must look). */
export type ExpectedReading =
  { readonly kind: 'mark'; readonly level: number } | { readonly kind: 'blank' } | { readonly kind: 'doubtful' };

/** A fill covering less than this share of the bubble is doubtful (a stray touch, not a choice). */
export const PARTIAL_DOUBTFUL_BELOW = 0.25;

/** Test fixture: the reading a correct reader gives for a row drawn from `mark`. */
export function expectedReading(mark: MarkSpec): ExpectedReading {
  switch (mark.kind) {
    case 'blank':
      return { kind: 'blank' };
    case 'fill':
      return mark.ink === 'faint' || (mark.coverage ?? 1) < PARTIAL_DOUBTFUL_BELOW
        ? { kind: 'doubtful' }
        : { kind: 'mark', level: mark.level };
    case 'tick':
    case 'cross':
      return { kind: 'mark', level: mark.level };
    case 'stray':
      return mark.level === null ? { kind: 'blank' } : { kind: 'mark', level: mark.level };
    default:
      return { kind: 'doubtful' };
  }
}

function inkOf(rng: Prng, ink: Ink): { darkness: number; texture: (() => number) | undefined } {
  if (ink === 'pen') return { darkness: rng.range(0.84, 0.95), texture: undefined };
  if (ink === 'pencil') return { darkness: rng.range(0.62, 0.76), texture: () => rng.range(0.85, 1.15) };
  return { darkness: rng.range(0.15, 0.3), texture: () => rng.range(0.8, 1.2) };
}

/** Share of a disk of radius rho on the side x ≤ t of a line through its centre's frame. */
const segmentShare = (t: number, rho: number): number => {
  const u = Math.max(-1, Math.min(1, t / rho));
  return 1 - (Math.acos(u) - u * Math.sqrt(1 - u * u)) / Math.PI;
};

function drawFill(c: Canvas, rng: Prng, at: Point, ink: Ink, coverage: number): void {
  const cx = at.x + rng.range(-0.25, 0.25);
  const cy = at.y + rng.range(-0.25, 0.25);
  const radius = rng.range(1.9, 2.35);
  const phase = rng.range(0, 6.3);
  const wobble = rng.range(0, 0.08);
  const angle = rng.range(0, 2 * Math.PI);
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const rho = BUBBLE_INNER_RADIUS_MM + 0.3;
  let lo = -rho;
  let hi = rho;
  for (let i = 0; i < 30; i += 1) {
    const mid = (lo + hi) / 2;
    if (segmentShare(mid, rho) < coverage) lo = mid;
    else hi = mid;
  }
  const t = coverage >= 0.999 ? Infinity : lo;
  const { darkness, texture } = inkOf(rng, ink);
  const box: Rect = { x: cx - radius * 1.2, y: cy - radius * 1.2, width: radius * 2.4, height: radius * 2.4 };
  inkArea(
    c,
    box,
    darkness,
    (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      const r = radius * (1 + wobble * Math.sin(3 * Math.atan2(dy, dx) + phase));
      return Math.min(edge(c, r - Math.hypot(dx, dy)), edge(c, t - (dx * nx + dy * ny)));
    },
    texture,
  );
}

function drawStrokes(
  c: Canvas,
  rng: Prng,
  at: Point,
  shape: readonly (readonly Point[])[],
  ink: 'pen' | 'pencil',
): void {
  const rot = rng.range(-0.35, 0.35);
  const scale = rng.range(0.9, 1.25);
  const width = ink === 'pen' ? rng.range(0.35, 0.6) : rng.range(0.4, 0.65);
  const { darkness } = inkOf(rng, ink);
  const ox = at.x + rng.range(-0.3, 0.3);
  const oy = at.y + rng.range(-0.3, 0.3);
  for (const stroke of shape) {
    const pts = stroke.map((p) => ({
      x: ox + scale * (p.x * Math.cos(rot) - p.y * Math.sin(rot)) + rng.range(-0.15, 0.15),
      y: oy + scale * (p.x * Math.sin(rot) + p.y * Math.cos(rot)) + rng.range(-0.15, 0.15),
    }));
    inkStroke(c, pts, width, darkness);
  }
}

const TICK = [
  [
    { x: -1.4, y: 0.1 },
    { x: -0.3, y: 1.3 },
    { x: 1.9, y: -1.9 },
  ],
];
const CROSS = [
  [
    { x: -1.7, y: -1.7 },
    { x: 1.7, y: 1.7 },
  ],
  [
    { x: -1.7, y: 1.7 },
    { x: 1.7, y: -1.7 },
  ],
];

function drawSmudge(c: Canvas, rng: Prng, at: Point): void {
  const cx = at.x + rng.range(-0.4, 0.4);
  const cy = at.y + rng.range(-0.4, 0.4);
  const rx = rng.range(2.0, 2.8);
  const ry = rng.range(1.8, 2.6);
  const darkness = rng.range(0.13, 0.28);
  const box: Rect = { x: cx - rx - 0.5, y: cy - ry - 0.5, width: 2 * rx + 1, height: 2 * ry + 1 };
  inkArea(
    c,
    box,
    darkness,
    (x, y) => edge(c, 1 - Math.hypot((x - cx) / rx, (y - cy) / ry)),
    () => rng.range(0.7, 1.3),
  );
}

function drawOne(c: Canvas, rng: Prng, bubbles: readonly Point[], level: number): void {
  const at = bubbles[level] as Point;
  const r = rng.next();
  if (r < 0.6) drawFill(c, rng, at, rng.chance(0.6) ? 'pen' : 'pencil', rng.range(0.85, 1));
  else drawStrokes(c, rng, at, r < 0.8 ? TICK : CROSS, 'pen');
}

function drawStray(c: Canvas, rng: Prng, name: Rect, bubbles: readonly Point[]): void {
  if (rng.chance(0.5)) {
    const y = name.y + rng.range(1, name.height - 1);
    const x = name.x + rng.range(2, name.width / 2);
    inkStroke(
      c,
      [
        { x, y },
        { x: x + rng.range(5, 15), y: y + rng.range(-0.8, 0.8) },
      ],
      0.45,
      0.9,
    );
  } else {
    // a short line in the gap between two bubbles, well clear of either
    const i = rng.int(0, bubbles.length - 1);
    const a = bubbles[i] as Point;
    const b = bubbles[i + 1] as Point;
    const x = (a.x + b.x) / 2;
    const half = Math.max(0, (b.x - a.x) / 2 - 2.9);
    inkStroke(
      c,
      [
        { x: x - half, y: a.y + rng.range(-2.5, -1.5) },
        { x: x + half, y: a.y + rng.range(1.5, 2.5) },
      ],
      0.4,
      0.9,
    );
  }
}

/**
 * Test fixture: a voter's marks drawn onto an upright page raster at
 * `pxPerMm` (a synthetic page, or the real printed PDF rasterised), one
 * MarkSpec per row of `layout` in order (missing or undefined rows stay blank).
 * Returns a new image; the same seed draws the same marks.
 */
export function fillMarks(
  page: GreyImage,
  pxPerMm: number,
  layout: SheetPageLayout,
  marks: readonly (MarkSpec | undefined)[],
  seed = 1,
): GreyImage {
  const c = canvasOf(page, pxPerMm);
  const rng = createPrng(seed);
  layout.rows.forEach((row, i) => {
    const mark = marks[i];
    if (!mark) return;
    const b = row.bubbles;
    switch (mark.kind) {
      case 'blank':
        return;
      case 'fill':
        return drawFill(c, rng, b[mark.level] as Point, mark.ink ?? 'pen', mark.coverage ?? 1);
      case 'tick':
      case 'cross':
        return drawStrokes(c, rng, b[mark.level] as Point, mark.kind === 'tick' ? TICK : CROSS, mark.ink ?? 'pen');
      case 'double':
        for (const level of mark.levels) drawOne(c, rng, b, level);
        return;
      case 'erased':
        drawSmudge(c, rng, b[mark.erasedLevel] as Point);
        if (mark.level !== null) drawOne(c, rng, b, mark.level);
        return;
      case 'stray':
        drawStray(c, rng, row.nameRect, b);
        if (mark.level !== null) drawOne(c, rng, b, mark.level);
        return;
    }
  });
  return { data: c.data, width: c.width, height: c.height };
}

/** Test fixture: cover part of a rectangle (mm) with blots of dark ink, e.g. to make a label unreadable. */
export function blotRect(page: GreyImage, pxPerMm: number, rect: Rect, share: number, seed = 1): GreyImage {
  const c = canvasOf(page, pxPerMm);
  const rng = createPrng(seed);
  const blots = Math.max(1, Math.round(share * 12));
  for (let i = 0; i < blots; i += 1) {
    const cx = rect.x + rng.range(0.2, 0.8) * rect.width;
    const cy = rect.y + rng.range(0.2, 0.8) * rect.height;
    const r = Math.sqrt((share * rect.width * rect.height) / blots / Math.PI) * 1.2;
    inkArea(c, { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, 0.9, (x, y) =>
      edge(c, r - Math.hypot(x - cx, y - cy)),
    );
  }
  return { data: c.data, width: c.width, height: c.height };
}
