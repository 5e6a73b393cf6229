import type { Rect } from '../layout.js';
import type { SheetLabel } from '../sheet-label.js';

/** A decoded raster: one byte per pixel, grey (0 = black, 255 = white), row-major. */
export interface GreyImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * A page brought into the layout's frame: upright, deskewed and scaled so that
 * layout millimetre (x, y) is pixel (x × pxPerMm, y × pxPerMm).
 */
export interface RectifiedPage extends GreyImage {
  readonly pxPerMm: number;
}

/** What the reader needs to know of a sheet, given its label: the campaign's units and levels. */
export interface SheetShape {
  readonly unitCount: number;
  readonly levelCount: number;
}

/** Why a row needs a person: two marks, a mark too faint to trust, a mark crossed out or rubbed out. */
export type ReviewReason = 'double' | 'faint' | 'erasure';

/** How one unit's row of bubbles reads. `level` is the 0-based index in the scale. */
export type RowReading =
  | { readonly kind: 'mark'; readonly level: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'review'; readonly reason: ReviewReason; readonly candidate: number | null };

/** One unit's row as read. */
export interface RecognizedRow {
  readonly unitIndex: number;
  readonly reading: RowReading;
  /** Each bubble's measured darkness, 0 (white) to 1 (solid), in the scale's order. */
  readonly fills: readonly number[];
}

/** Why a page is refused as a whole. */
export type PageRefusal =
  'no-registration-marks' | 'unreadable-label' | 'not-a-pingyi-label' | 'other-campaign' | 'image-too-small';

/** What reading a page gave: an appraisal page, an opinion page, a blank page, or a refusal. */
export type PageOutcome =
  | {
      readonly kind: 'appraisal';
      readonly label: SheetLabel;
      readonly upsideDown: boolean;
      readonly rows: readonly RecognizedRow[];
      readonly page: RectifiedPage;
    }
  | {
      readonly kind: 'opinion';
      readonly label: SheetLabel;
      readonly upsideDown: boolean;
      /** Unit indexes whose writing space holds ink. */
      readonly writtenBoxes: readonly number[];
      readonly page: RectifiedPage;
    }
  | { readonly kind: 'blank' }
  | { readonly kind: 'refused'; readonly reason: PageRefusal; readonly label?: SheetLabel };

/** Given a label, the shape of its campaign's sheet, or null when the label is of another campaign. */
export type ShapeOf = (label: SheetLabel) => SheetShape | null;

/** A crop of a rectified page (layout millimetres), as PNG, for a person to review. */
export type CropRect = Rect;
