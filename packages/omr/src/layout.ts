/**
 * The geometry of Pingyi's printed appraisal sheet (民主评议表) and opinion
 * form (意见表), in millimetres from the top-left corner of an A4 portrait
 * page. The PDF printer draws from it and the scan reader measures by it, so
 * the two cannot drift: change a number here and both follow.
 */

export const PAGE_WIDTH_MM = 210;
/** A4 portrait: the page height, mm. */
export const PAGE_HEIGHT_MM = 297;
/** Millimetres in an inch (dpi ↔ px/mm). */
export const MM_PER_INCH = 25.4;

/** A point or a size in millimetres. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in millimetres: its top-left corner and size. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The four solid registration squares, centred at these points, each this wide. */
export const MARK_SIZE_MM = 7;
/** Centres of the registration squares: top left, top right, bottom left, bottom right. */
export const MARK_CENTRES: readonly [Point, Point, Point, Point] = [
  { x: 13, y: 13 }, // top left
  { x: 197, y: 13 }, // top right
  { x: 13, y: 284 }, // bottom left
  { x: 197, y: 284 }, // bottom right
];

/** The QR sheet label (its quiet zone included: the printer leaves it white). */
export const LABEL_RECT: Rect = { x: 166, y: 20, width: 28, height: 28 };
/** The sheet serial printed under the label, for a person to read. */
export const SERIAL_TEXT_RECT: Rect = { x: 160, y: 48.5, width: 34, height: 4 };

/** Title, group, page and instructions: left of the label. */
export const HEADER_RECT: Rect = { x: 18, y: 19, width: 144, height: 41 };

/** The table of an appraisal sheet: two blocks side by side, each a unit column and the level columns. */
export const TABLE_TOP_MM = 62;
/** The height of the table header (level labels), mm. */
export const TABLE_HEADER_HEIGHT_MM = 9;
/** One unit's row, mm. */
export const ROW_HEIGHT_MM = 6.8;
/** Rows in one block (table column) of a page. */
export const ROWS_PER_BLOCK = 30;
/** Blocks side by side on a page. */
export const BLOCKS_PER_PAGE = 2;
/** Each block's left edge, mm. */
export const BLOCK_LEFTS_MM: readonly number[] = [16, 107];
/** The unit (name) column's width, mm. */
export const UNIT_COLUMN_WIDTH_MM = 39;
/** The width the level columns share, whatever the number of levels. */
export const LEVELS_WIDTH_MM = 48;
/** A bubble's radius as printed, and the radius inside its outline that the reader measures. */
export const BUBBLE_RADIUS_MM = 2.1;
/** The radius inside the outline that the reader measures, mm. */
export const BUBBLE_INNER_RADIUS_MM = 1.55;
/** The most levels a scale may have (and bubbles a row). */
export const MAX_LEVELS = 8;

/** Units one page of an appraisal sheet holds. */
export const UNITS_PER_PAGE = ROWS_PER_BLOCK * BLOCKS_PER_PAGE;

/** One appraised unit's row on a page: where its name goes and where each level's bubble is. */
export interface UnitRowLayout {
  /** The unit's index in the campaign's order (0-based), over all pages. */
  readonly unitIndex: number;
  /** The whole row (unit cell and bubbles), for a crop to review. */
  readonly rowRect: Rect;
  readonly nameRect: Rect;
  /** Bubble centres, one per level, in the scale's order. */
  readonly bubbles: readonly Point[];
}

/** One page of an appraisal sheet: its rows, headers and table outlines. */
export interface SheetPageLayout {
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  readonly rows: readonly UnitRowLayout[];
  /** Where each block's level labels go (one rect per level per block). */
  readonly levelHeaders: readonly Rect[];
  /** Where each block's unit-column header goes. */
  readonly unitHeaders: readonly Rect[];
  /** The outline of each block's table, for the printer's rules. */
  readonly blockRects: readonly Rect[];
}

/** A whole appraisal sheet: every page for the campaign’s units and levels. */
export interface SheetLayout {
  readonly unitCount: number;
  readonly levelCount: number;
  readonly pages: readonly SheetPageLayout[];
}

/** Pages an appraisal sheet of this many units takes. */
export function appraisalPageCount(unitCount: number): number {
  return Math.max(1, Math.ceil(unitCount / UNITS_PER_PAGE));
}

/**
 * The appraisal sheet for `unitCount` units rated on `levelCount` levels: the
 * units fill the left block, then the right, then the next page.
 */
export function appraisalSheetLayout(unitCount: number, levelCount: number): SheetLayout {
  if (!Number.isInteger(unitCount) || unitCount < 1) throw new RangeError(`unitCount must be a positive integer`);
  if (!Number.isInteger(levelCount) || levelCount < 2 || levelCount > MAX_LEVELS)
    throw new RangeError(`levelCount must be 2 to ${MAX_LEVELS}`);
  const pages = appraisalPageCount(unitCount);
  const levelWidth = LEVELS_WIDTH_MM / levelCount;
  const layouts: SheetPageLayout[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const first = (page - 1) * UNITS_PER_PAGE;
    const onPage = Math.min(UNITS_PER_PAGE, unitCount - first);
    const blocksUsed = Math.ceil(onPage / ROWS_PER_BLOCK);
    const rows: UnitRowLayout[] = [];
    const levelHeaders: Rect[] = [];
    const unitHeaders: Rect[] = [];
    const blockRects: Rect[] = [];
    for (let block = 0; block < blocksUsed; block += 1) {
      const left = BLOCK_LEFTS_MM[block] as number;
      const rowsInBlock = Math.min(ROWS_PER_BLOCK, onPage - block * ROWS_PER_BLOCK);
      unitHeaders.push({ x: left, y: TABLE_TOP_MM, width: UNIT_COLUMN_WIDTH_MM, height: TABLE_HEADER_HEIGHT_MM });
      for (let level = 0; level < levelCount; level += 1)
        levelHeaders.push({
          x: left + UNIT_COLUMN_WIDTH_MM + level * levelWidth,
          y: TABLE_TOP_MM,
          width: levelWidth,
          height: TABLE_HEADER_HEIGHT_MM,
        });
      blockRects.push({
        x: left,
        y: TABLE_TOP_MM,
        width: UNIT_COLUMN_WIDTH_MM + LEVELS_WIDTH_MM,
        height: TABLE_HEADER_HEIGHT_MM + rowsInBlock * ROW_HEIGHT_MM,
      });
      for (let r = 0; r < rowsInBlock; r += 1) {
        const top = TABLE_TOP_MM + TABLE_HEADER_HEIGHT_MM + r * ROW_HEIGHT_MM;
        const bubbles: Point[] = [];
        for (let level = 0; level < levelCount; level += 1)
          bubbles.push({
            x: left + UNIT_COLUMN_WIDTH_MM + (level + 0.5) * levelWidth,
            y: top + ROW_HEIGHT_MM / 2,
          });
        rows.push({
          unitIndex: first + block * ROWS_PER_BLOCK + r,
          rowRect: { x: left, y: top, width: UNIT_COLUMN_WIDTH_MM + LEVELS_WIDTH_MM, height: ROW_HEIGHT_MM },
          nameRect: { x: left, y: top, width: UNIT_COLUMN_WIDTH_MM, height: ROW_HEIGHT_MM },
          bubbles,
        });
      }
    }
    layouts.push({ page, pages, rows, levelHeaders, unitHeaders, blockRects });
  }
  return { unitCount, levelCount, pages: layouts };
}

/** The opinion form: one box per unit, for handwriting, this many to a page. */
export const OPINION_BOXES_PER_PAGE = 6;
/** The top of the first opinion box, mm. */
export const OPINION_TOP_MM = 62;
/** One opinion box’s height, mm. */
export const OPINION_BOX_HEIGHT_MM = 35;
/** The gap between opinion boxes, mm. */
export const OPINION_BOX_GAP_MM = 1.5;
/** The opinion boxes’ left edge, mm. */
export const OPINION_LEFT_MM = 16;
/** The opinion boxes’ width, mm. */
export const OPINION_WIDTH_MM = 178;
/** The unit's name, above the writing space inside each box. */
export const OPINION_CAPTION_HEIGHT_MM = 6;

/** One unit's box on an opinion form. */
export interface OpinionBoxLayout {
  readonly unitIndex: number;
  /** The whole box, caption included. */
  readonly boxRect: Rect;
  readonly captionRect: Rect;
  /** The writing space: what is cropped for transcription. */
  readonly writingRect: Rect;
}

/** One page of an opinion form: its boxes. */
export interface OpinionPageLayout {
  readonly page: number;
  readonly pages: number;
  readonly boxes: readonly OpinionBoxLayout[];
}

/** Pages an opinion form of this many units takes. */
export function opinionPageCount(unitCount: number): number {
  return Math.max(1, Math.ceil(unitCount / OPINION_BOXES_PER_PAGE));
}

/** The opinion form for `unitCount` units: one box per unit in the campaign's order. */
export function opinionFormLayout(unitCount: number): readonly OpinionPageLayout[] {
  if (!Number.isInteger(unitCount) || unitCount < 1) throw new RangeError(`unitCount must be a positive integer`);
  const pages = opinionPageCount(unitCount);
  const out: OpinionPageLayout[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const boxes: OpinionBoxLayout[] = [];
    const first = (page - 1) * OPINION_BOXES_PER_PAGE;
    for (let i = 0; i < Math.min(OPINION_BOXES_PER_PAGE, unitCount - first); i += 1) {
      const y = OPINION_TOP_MM + i * (OPINION_BOX_HEIGHT_MM + OPINION_BOX_GAP_MM);
      const boxRect = { x: OPINION_LEFT_MM, y, width: OPINION_WIDTH_MM, height: OPINION_BOX_HEIGHT_MM };
      boxes.push({
        unitIndex: first + i,
        boxRect,
        captionRect: { x: OPINION_LEFT_MM, y, width: OPINION_WIDTH_MM, height: OPINION_CAPTION_HEIGHT_MM },
        writingRect: {
          x: OPINION_LEFT_MM + 1,
          y: y + OPINION_CAPTION_HEIGHT_MM,
          width: OPINION_WIDTH_MM - 2,
          height: OPINION_BOX_HEIGHT_MM - OPINION_CAPTION_HEIGHT_MM - 1,
        },
      });
    }
    out.push({ page, pages, boxes });
  }
  return out;
}

/** Millimetres to pixels at a resolution. */
export const mmToPx = (mm: number, dpi: number): number => (mm * dpi) / MM_PER_INCH;
/** Millimetres to PDF points (1/72 inch). */
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;
