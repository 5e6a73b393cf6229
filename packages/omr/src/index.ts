// The sheet: geometry shared by the PDF printer and the scan reader.
export {
  PAGE_WIDTH_MM,
  PAGE_HEIGHT_MM,
  MM_PER_INCH,
  MARK_SIZE_MM,
  MARK_CENTRES,
  LABEL_RECT,
  SERIAL_TEXT_RECT,
  HEADER_RECT,
  TABLE_TOP_MM,
  TABLE_HEADER_HEIGHT_MM,
  ROW_HEIGHT_MM,
  ROWS_PER_BLOCK,
  BLOCKS_PER_PAGE,
  BLOCK_LEFTS_MM,
  UNIT_COLUMN_WIDTH_MM,
  LEVELS_WIDTH_MM,
  BUBBLE_RADIUS_MM,
  BUBBLE_INNER_RADIUS_MM,
  MAX_LEVELS,
  UNITS_PER_PAGE,
  OPINION_BOXES_PER_PAGE,
  OPINION_TOP_MM,
  OPINION_BOX_HEIGHT_MM,
  OPINION_BOX_GAP_MM,
  OPINION_LEFT_MM,
  OPINION_WIDTH_MM,
  OPINION_CAPTION_HEIGHT_MM,
  appraisalPageCount,
  appraisalSheetLayout,
  opinionPageCount,
  opinionFormLayout,
  mmToPx,
  mmToPt,
  type Point,
  type Rect,
  type UnitRowLayout,
  type SheetPageLayout,
  type SheetLayout,
  type OpinionBoxLayout,
  type OpinionPageLayout,
} from './layout.js';
// The QR sheet label.
export {
  CAMPAIGN_KEY_LENGTH,
  SERIAL_LENGTH,
  randomCode,
  newCampaignKey,
  newSerial,
  encodeSheetLabel,
  decodeSheetLabel,
  type SheetKind,
  type SheetLabel,
} from './sheet-label.js';
export { qrMatrix, qrSvg, type QrMatrix } from './label-qr.js';

// Reading uploaded scan files into page images.
export { readScanPages, type ScanPage } from './scan-input/read-scan-pages.js';
export {
  ScanInputError,
  DEFAULT_SCAN_LIMITS,
  detectFormat,
  type ScanInputErrorCode,
  type ScanLimits,
  type ScanFormat,
} from './scan-input/errors.js';

// Recognising a page.
export { recognizePage, MIN_DPI, RECTIFIED_PX_PER_MM, BLANK_INK_SHARE } from './recognize/recognize-page.js';
export { cropPng } from './recognize/crop.js';
export {
  classifyRow,
  bubbleState,
  INK_LEVEL,
  MARKED_INK_SHARE,
  MARK_MAX_INK_OFFSET_MM,
  EMPTY_INK_SHARE,
  EMPTY_DARKNESS,
  EMPTY_EDGE_INK_SHARE,
  EDGE_RING_MM,
  type BubbleMeasure,
  type BubbleState,
} from './recognize/classify.js';
export { ROW_SEARCH_MM } from './recognize/bubbles.js';
export { WRITTEN_INK_SHARE, WRITING_MARGIN_MM } from './recognize/opinion.js';
export type {
  GreyImage,
  RectifiedPage,
  SheetShape,
  ReviewReason,
  RowReading,
  RecognizedRow,
  PageRefusal,
  PageOutcome,
  ShapeOf,
  CropRect,
} from './recognize/types.js';

// Test fixtures: synthetic printed pages, marks and scans (for this package's tests, the server's and benches).
export { printedPageRaster, LABEL_QUIET_MODULES } from './generator/printed.js';
export {
  fillMarks,
  blotRect,
  expectedReading,
  PARTIAL_DOUBTFUL_BELOW,
  type MarkSpec,
  type Ink,
  type ExpectedReading,
} from './generator/marks.js';
export { writeOpinions } from './generator/handwriting.js';
export { scanDistort, distortRaster, encodeGrey, type ScanDistortion } from './generator/distort.js';
export { createPrng, type Prng } from './generator/prng.js';
