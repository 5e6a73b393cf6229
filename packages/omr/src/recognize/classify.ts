import type { RowReading } from './types.js';

/** A pixel at least this dark (0 = paper white, 1 = the registration squares' black) counts as ink. */
export const INK_LEVEL = 0.45;
/** A bubble is marked when at least this share of its inside is ink (a thin tick is ≈ 0.2, a fill ≈ 1). */
export const MARKED_INK_SHARE = 0.12;
/** …and its ink's centroid lies within this of the bubble's centre, mm (a sliver at the edge is doubtful). */
export const MARK_MAX_INK_OFFSET_MM = 0.85;
/** A bubble is empty when under this share of its inside is ink… */
export const EMPTY_INK_SHARE = 0.025;
/** …and its mean darkness (above the page's empty bubbles) is under this. */
export const EMPTY_DARKNESS = 0.05;

/**
 * …and under this share of the ring just outside the measured disk (inside the
 * outline) is ink: about two pixels at 8 px/mm. An untouched bubble's ring,
 * the page's baseline removed, measured 0 in each of 24,000 synthetic scans;
 * a pen sliver along the outline (6 % of the bubble) measured 0.024.
 */
export const EMPTY_EDGE_INK_SHARE = 0.015;
/** The width of that ring, mm (outward from BUBBLE_INNER_RADIUS_MM). */
export const EDGE_RING_MM = 0.25;

/**
 * One bubble's measures, the page's empty-bubble baseline removed: mean
 * darkness and share of ink pixels inside BUBBLE_INNER_RADIUS_MM, and the
 * share of ink in the ring between it and the printed outline.
 */
export interface BubbleMeasure {
  readonly darkness: number;
  readonly ink: number;
  readonly edgeInk: number;
  /** How far the centroid of the ink inside the disk lies from the bubble's centre, mm. */
  readonly inkOffset: number;
}

/** What a bubble's measures say: marked, empty, or neither (faint, partial, smudged). */
export type BubbleState = 'marked' | 'empty' | 'doubtful';

/** A bubble's state from its measures (the thresholds above). */
export function bubbleState(m: BubbleMeasure): BubbleState {
  if (m.ink >= MARKED_INK_SHARE && m.inkOffset <= MARK_MAX_INK_OFFSET_MM) return 'marked';
  if (m.ink < EMPTY_INK_SHARE && m.darkness < EMPTY_DARKNESS && m.edgeInk < EMPTY_EDGE_INK_SHARE) return 'empty';
  return 'doubtful';
}

/**
 * A row's reading from its bubbles. One marked bubble and every other empty
 * is a mark; all empty is blank; anything else goes to a person: two marked
 * is 'double', one marked beside a doubtful one is 'erasure' (a mark rubbed or
 * crossed out), doubtful ones alone are 'faint' (candidate: the darkest).
 */
export function classifyRow(measures: readonly BubbleMeasure[]): RowReading {
  const states = measures.map(bubbleState);
  const marked = states.flatMap((s, i) => (s === 'marked' ? [i] : []));
  const doubtful = states.flatMap((s, i) => (s === 'doubtful' ? [i] : []));
  if (marked.length >= 2) return { kind: 'review', reason: 'double', candidate: null };
  if (marked.length === 1) {
    const level = marked[0] as number;
    return doubtful.length === 0 ? { kind: 'mark', level } : { kind: 'review', reason: 'erasure', candidate: level };
  }
  if (doubtful.length === 0) return { kind: 'blank' };
  let candidate = doubtful[0] as number;
  for (const i of doubtful)
    if ((measures[i] as BubbleMeasure).darkness > (measures[candidate] as BubbleMeasure).darkness) candidate = i;
  return { kind: 'review', reason: 'faint', candidate };
}
