import {
  appraisalSheetLayout,
  BUBBLE_RADIUS_MM,
  encodeSheetLabel,
  HEADER_RECT,
  LABEL_RECT,
  MARK_CENTRES,
  MARK_SIZE_MM,
  mmToPt,
  opinionFormLayout,
  type OpinionPageLayout,
  qrMatrix,
  type Rect,
  SERIAL_TEXT_RECT,
  type SheetPageLayout,
} from '@pingyi/omr';
import PDFDocument from 'pdfkit';
import { cjkFonts } from '../documents/render/cjk-font';
import { formXObject } from './pdf-form-xobject';
import { type PrintRunLayout, PrintSheetKind } from './print-run.entity';

// The printed sheets of a print run, drawn from @pingyi/omr's layout (the
// geometry the scan reader measures by) with pdfkit on A4: the four solid
// registration squares, the QR label and its serial, the header, then the
// table of bubbles (民主评议表) or the boxes for handwriting (意见表). Every
// coordinate below is a layout.ts rectangle in millimetres turned into points.

type Pdf = InstanceType<typeof PDFDocument>;

/** What one PDF prints. */
export interface SheetPrint {
  readonly kind: PrintSheetKind;
  readonly campaignKey: string;
  readonly groupIndex: number;
  readonly layout: PrintRunLayout;
  /** One sheet each. */
  readonly serials: readonly string[];
}

/** The destination the PDF is streamed to (an HTTP response). */
export interface PdfSink {
  write(chunk: Buffer): boolean;
  end(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly destroyed?: boolean;
}

const pt = mmToPt;
const BLACK = '#000000';
const INK = '#1a1a1a';
const GREY = '#555555';
const RULE = '#7a7a7a';
const HEADER_FILL = '#eeeeee';
/** Bubble outlines: thin, so an untouched bubble reads as empty. */
const BUBBLE_LINE_PT = 0.25;
/** Modules of white around the QR code (its quiet zone). */
const QUIET_MODULES = 4;

export const KIND_TITLES: Readonly<Record<PrintSheetKind, string>> = {
  [PrintSheetKind.APPRAISAL]: '民主评议表',
  [PrintSheetKind.OPINION]: '意见表',
};

// Worded after the plan: 填表答卷式, 圈定档次, 无记名方式; a blank unit is an abstention.
const INSTRUCTIONS: Readonly<Record<PrintSheetKind, string>> = {
  [PrintSheetKind.APPRAISAL]:
    '填表说明：本表采用无记名方式填写，请勿署名或作任何标记。请对每个被评议单位圈定一个档次：每个单位只在一栏内划“✓”或涂满圆圈；不填视为弃权。请用黑色或蓝色笔填写，勿折叠、污损本表。',
  [PrintSheetKind.OPINION]:
    '填表说明：本表采用无记名方式填写，请勿署名或作任何标记。请在被评议单位名称下方的方框内写明意见或建议，字迹清楚，请勿超出方框；没有意见的单位可不填。',
};

const rectPt = (rect: Rect): [number, number, number, number] => [
  pt(rect.x),
  pt(rect.y),
  pt(rect.width),
  pt(rect.height),
];

function marks(pdf: Pdf): void {
  const size = pt(MARK_SIZE_MM);
  for (const centre of MARK_CENTRES) pdf.rect(pt(centre.x) - size / 2, pt(centre.y) - size / 2, size, size);
  pdf.fill(BLACK);
}

/** The label's QR code as vector squares (runs of dark modules merged) on white, its quiet zone inside LABEL_RECT. */
function label(pdf: Pdf, text: string, serial: string): void {
  const matrix = qrMatrix(text);
  const [x, y, width, height] = rectPt(LABEL_RECT);
  const side = Math.min(width, height);
  pdf.rect(x, y, width, height).fill('#ffffff');
  const module = side / (matrix.size + 2 * QUIET_MODULES);
  const left = x + (width - side) / 2 + QUIET_MODULES * module;
  const top = y + (height - side) / 2 + QUIET_MODULES * module;
  for (let row = 0; row < matrix.size; row += 1) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(col, row)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(col, row)) col += 1;
      // a hair wider and taller, so neighbouring squares leave no white seam when rasterized
      pdf.rect(left + start * module, top + row * module, (col - start) * module + 0.05, module + 0.05);
    }
  }
  pdf.fill(BLACK);
  const [sx, sy, sw, sh] = rectPt(SERIAL_TEXT_RECT);
  pdf.font('regular').fontSize(7.5).fillColor(INK);
  pdf.text(`编号 ${serial}`, sx, sy + (sh - pdf.currentLineHeight()) / 2, {
    width: sw,
    align: 'center',
    lineBreak: false,
    characterSpacing: 0.3,
  });
}

function header(pdf: Pdf, print: SheetPrint, page: number, pages: number): void {
  const [x, y, width] = rectPt(HEADER_RECT);
  const { campaignTitle, groupLabel } = print.layout;
  pdf.font('bold').fontSize(11).fillColor(INK);
  pdf.text(campaignTitle, x, y + pt(1), { width, align: 'center', lineBreak: false, ellipsis: true });
  pdf.font('bold').fontSize(20).fillColor(BLACK);
  pdf.text(KIND_TITLES[print.kind], x, y + pt(6.5), { width, align: 'center', characterSpacing: 4, lineBreak: false });
  pdf.font('regular').fontSize(9.5).fillColor(INK);
  const lineY = y + pt(16);
  pdf.text(`评议对象类别：${groupLabel}`, x, lineY, { width: width * 0.7, lineBreak: false, ellipsis: true });
  pdf.text(`第 ${page} 页 / 共 ${pages} 页`, x, lineY, { width, align: 'right', lineBreak: false });
  pdf
    .moveTo(x, lineY + pt(5))
    .lineTo(x + width, lineY + pt(5))
    .lineWidth(0.5)
    .stroke(RULE);
  pdf.font('regular').fontSize(8).fillColor(INK);
  pdf.text(INSTRUCTIONS[print.kind], x, lineY + pt(6.5), {
    width,
    height: pt(HEADER_RECT.y + HEADER_RECT.height) - (lineY + pt(6.5)),
    align: 'justify',
    lineGap: 1.5,
  });
}

/**
 * `text` in `rect`: on one line, shrunk from `size` while it stays at least
 * `oneLineMin`; else on two balanced lines at the largest size from `size`
 * down to `min` that fits; the second line cut with an ellipsis at `min`.
 */
function fitText(
  pdf: Pdf,
  text: string,
  rect: Rect,
  options: {
    size: number;
    min: number;
    oneLineMin?: number;
    pad: number;
    align: 'left' | 'center';
    font?: 'regular' | 'bold';
  },
): void {
  const [x, y, width, height] = rectPt(rect);
  const pad = pt(options.pad);
  const room = width - 2 * pad;
  pdf.font(options.font ?? 'regular').fillColor(BLACK);
  pdf.fontSize(options.size);
  const natural = pdf.widthOfString(text);
  const oneLine = Math.min(options.size, (options.size * room) / natural - 0.05);
  if (oneLine >= (options.oneLineMin ?? options.min)) {
    pdf.fontSize(oneLine);
    pdf.text(text, x + pad, y + (height - pdf.currentLineHeight()) / 2, {
      width: room,
      align: options.align,
      lineBreak: false,
    });
    return;
  }
  const chars = [...text];
  const split = Math.ceil(chars.length / 2);
  const lines = [chars.slice(0, split).join(''), chars.slice(split).join('')];
  // CJK glyphs stand from about 0.27 em to 1.27 em below a line's top in this font; lines 1.12 em apart
  let size = options.size;
  for (; size > options.min; size -= 0.25) {
    pdf.fontSize(size);
    if (lines.every((line) => pdf.widthOfString(line) <= room) && 2.12 * size + 2 <= height) break;
  }
  size = Math.max(size, options.min);
  pdf.fontSize(size);
  const top = y + height / 2 - 1.4 * size;
  lines.forEach((line, i) =>
    pdf.text(line, x + pad, top + i * 1.12 * size, {
      width: room,
      align: options.align,
      lineBreak: false,
      ellipsis: true,
    }),
  );
}

function appraisalPage(pdf: Pdf, print: SheetPrint, page: SheetPageLayout): void {
  const { units, levels } = print.layout;
  // header cells, shaded
  for (const rect of [...page.unitHeaders, ...page.levelHeaders]) pdf.rect(...rectPt(rect));
  pdf.fill(HEADER_FILL);
  for (const rect of page.unitHeaders)
    fitText(pdf, '被评议单位', rect, { size: 10, min: 7, pad: 1, align: 'center', font: 'bold' });
  page.levelHeaders.forEach((rect, i) => {
    const levelLabel = levels[i % levels.length]?.label ?? '';
    fitText(pdf, levelLabel, rect, { size: 8.5, min: 6.3, pad: 0.3, align: 'center', font: 'bold' });
  });
  // row rules and column rules
  pdf.lineWidth(0.4).strokeColor(RULE);
  for (const row of page.rows) {
    const [x, y, width] = rectPt(row.rowRect);
    pdf
      .moveTo(x, y)
      .lineTo(x + width, y)
      .stroke();
  }
  for (const rect of page.levelHeaders) {
    const block = page.blockRects.find((candidate) => rect.x >= candidate.x && rect.x < candidate.x + candidate.width);
    if (!block) continue;
    const x = pt(rect.x);
    pdf
      .moveTo(x, pt(block.y))
      .lineTo(x, pt(block.y + block.height))
      .lineWidth(rect.x === block.x + (page.unitHeaders[0]?.width ?? 0) ? 0.6 : 0.3)
      .stroke(RULE);
  }
  // block outlines
  pdf.lineWidth(0.9).strokeColor(BLACK);
  for (const rect of page.blockRects) pdf.rect(...rectPt(rect)).stroke();
  // unit names and bubbles
  for (const row of page.rows) {
    const unit = units[row.unitIndex];
    if (!unit) continue;
    fitText(pdf, `${row.unitIndex + 1}. ${unit.name}`, row.nameRect, {
      size: 9,
      min: 5.5,
      oneLineMin: 7.5,
      pad: 1.2,
      align: 'left',
    });
    pdf.lineWidth(BUBBLE_LINE_PT).strokeColor('#222222');
    for (const bubble of row.bubbles) pdf.circle(pt(bubble.x), pt(bubble.y), pt(BUBBLE_RADIUS_MM)).stroke();
  }
}

function opinionPage(pdf: Pdf, print: SheetPrint, page: OpinionPageLayout): void {
  const { units } = print.layout;
  for (const box of page.boxes) {
    const unit = units[box.unitIndex];
    if (!unit) continue;
    pdf.rect(...rectPt(box.captionRect)).fill(HEADER_FILL);
    fitText(pdf, `${box.unitIndex + 1}. ${unit.name}`, box.captionRect, {
      size: 10,
      min: 6,
      pad: 2,
      align: 'left',
      font: 'bold',
    });
    const [wx, wy, ww, wh] = rectPt(box.writingRect);
    // faint writing lines, every 7 mm
    pdf.lineWidth(0.3).strokeColor('#c8c8c8');
    for (let line = wy + pt(7); line < wy + wh - pt(2); line += pt(7))
      pdf
        .moveTo(wx + pt(2), line)
        .lineTo(wx + ww - pt(2), line)
        .stroke();
    pdf.lineWidth(0.3).strokeColor('#9a9a9a').rect(wx, wy, ww, wh).stroke();
    const [, cy, , ch] = rectPt(box.captionRect);
    pdf
      .moveTo(pt(box.boxRect.x), cy + ch)
      .lineTo(pt(box.boxRect.x + box.boxRect.width), cy + ch)
      .lineWidth(0.5)
      .stroke(RULE);
    pdf
      .lineWidth(0.9)
      .strokeColor(BLACK)
      .rect(...rectPt(box.boxRect))
      .stroke();
  }
}

function footer(pdf: Pdf, print: SheetPrint, serial: string, page: number, pages: number): void {
  if (print.kind !== PrintSheetKind.APPRAISAL) return; // the opinion boxes reach the bottom marks
  pdf.font('regular').fontSize(7).fillColor(GREY);
  pdf.text(
    `${KIND_TITLES[print.kind]} · 编号 ${serial} · 第 ${page} 页 / 共 ${pages} 页 · 本表统一印制，复印无效`,
    pt(30),
    pt(277),
    {
      width: pt(150),
      align: 'center',
      lineBreak: false,
    },
  );
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Streams the print run's PDF into `sink`: every sheet's pages in order, the
 * CJK font embedded as a subset. Waits for the sink to drain and yields to
 * the event loop between sheets, so 5,000 sheets are never held in memory nor
 * block the server. What the sheets' pages share (marks, header, table) is
 * one Form XObject per page of a sheet; each page adds its label and serial.
 * Resolves once the PDF is written (or the sink closed).
 */
export async function streamSheetsPdf(print: SheetPrint, sink: PdfSink): Promise<void> {
  const unitCount = print.layout.units.length;
  const appraisal =
    print.kind === PrintSheetKind.APPRAISAL ? appraisalSheetLayout(unitCount, print.layout.levels.length) : null;
  const opinion = print.kind === PrintSheetKind.OPINION ? opinionFormLayout(unitCount) : null;
  const pages = appraisal ? appraisal.pages.length : (opinion?.length ?? 1);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${print.layout.campaignTitle} ${KIND_TITLES[print.kind]}`, Creator: 'Pingyi' },
    lang: 'zh-CN',
  } as PDFKit.PDFDocumentOptions);
  const { regular, bold } = cjkFonts();
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  let closed = false;
  sink.once('close', () => {
    closed = true;
  });
  let waiting: Promise<void> | null = null;
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.on('data', (chunk: Buffer) => {
    if (closed || sink.destroyed) return;
    if (!sink.write(chunk) && !waiting)
      waiting = new Promise<void>((resolve) => {
        sink.once('drain', resolve);
        sink.once('close', resolve);
      });
  });
  // what every sheet's page n shares, drawn once (on the first sheet) and shown on each
  const templates: PDFKit.PDFKitReference[] = [];
  for (const serial of print.serials) {
    if (closed || sink.destroyed) break;
    for (let page = 1; page <= pages; page += 1) {
      pdf.addPage({ size: 'A4', margin: 0 });
      const template = (templates[page - 1] ??= formXObject(pdf, () => {
        marks(pdf);
        header(pdf, print, page, pages);
        if (appraisal) appraisalPage(pdf, print, appraisal.pages[page - 1] as SheetPageLayout);
        if (opinion) opinionPage(pdf, print, opinion[page - 1] as OpinionPageLayout);
      }));
      (pdf.page.xobjects as Record<string, PDFKit.PDFKitReference>)[`Sheet${page}`] = template;
      pdf.addContent(`/Sheet${page} Do`);
      label(
        pdf,
        encodeSheetLabel({
          campaignKey: print.campaignKey,
          kind: print.kind === PrintSheetKind.APPRAISAL ? 'A' : 'O',
          groupIndex: print.groupIndex,
          page,
          pages,
          serial,
        }),
        serial,
      );
      footer(pdf, print, serial, page, pages);
    }
    pdf.flushPages();
    if (waiting) {
      await waiting;
      waiting = null;
    } else await nextTurn();
  }
  pdf.end();
  await ended;
  if (!closed && !sink.destroyed) sink.end();
}
