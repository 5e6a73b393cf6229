import PDFDocument from 'pdfkit';
import { chineseNumeral, type DocBlock, type DocTable, type OfficialDocument } from '../content/document-model';
import { cjkFonts } from './cjk-font';

// The same 公文 layout as the DOCX renderer, drawn with pdfkit: A4, margins
// 37/35/28/26 mm, the issuer in red over a red rule, title 22 pt, body 16 pt
// with 28 pt lines, tables in 10.5 pt with the heading row repeated on every
// page, page numbers "— n —" at the foot.

const MM = 72 / 25.4;
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const RED = '#C00000';
const BODY = 16;
const LINE_GAP = 28 - BODY * 1.3; // pdfkit's line height is about 1.3 em for this font
const TABLE = 10.5;
const PAD = 3;

type Pdf = InstanceType<typeof PDFDocument>;

function bottomOf(pdf: Pdf): number {
  return pdf.page.height - MARGINS.bottom;
}

function paragraphText(
  pdf: Pdf,
  text: string,
  options: { indent?: boolean; align?: 'left' | 'right' | 'center' | 'justify'; bold?: boolean; size?: number } = {},
): void {
  pdf
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size ?? BODY)
    .fillColor('black');
  pdf.text(text, MARGINS.left, pdf.y, {
    width: pdf.page.width - MARGINS.left - MARGINS.right,
    align: options.align ?? 'justify',
    indent: options.indent === false ? 0 : (options.size ?? BODY) * 2,
    lineGap: LINE_GAP,
  });
}

function table(pdf: Pdf, block: DocTable): void {
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const weights = block.widths ?? block.columns.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (width * w) / sum);
  const heightOf = (cells: readonly string[], bold: boolean) => {
    pdf.font(bold ? 'bold' : 'regular').fontSize(TABLE);
    return (
      Math.max(...cells.map((cell, i) => pdf.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) +
      2 * PAD
    );
  };
  const draw = (cells: readonly string[], y: number, height: number, options: { header?: boolean; bold?: boolean }) => {
    let x = MARGINS.left;
    pdf
      .font(options.header || options.bold ? 'bold' : 'regular')
      .fontSize(TABLE)
      .fillColor('black');
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      if (options.header) pdf.rect(x, y, w, height).fillAndStroke('#EEEEEE', '#000000').fillColor('black');
      else pdf.rect(x, y, w, height).lineWidth(0.5).stroke('#000000');
      const align = options.header ? 'center' : (block.align?.[i] ?? 'left');
      const textHeight = pdf.heightOfString(cell || ' ', { width: w - 2 * PAD });
      pdf.text(cell, x + PAD, y + (height - textHeight) / 2, { width: w - 2 * PAD, align, lineBreak: true });
      x += w;
    });
  };
  if (block.caption) {
    if (pdf.y + 60 > bottomOf(pdf)) pdf.addPage();
    pdf
      .font('bold')
      .fontSize(12)
      .text(block.caption, MARGINS.left, pdf.y + 4, { width, align: 'center' });
    pdf.moveDown(0.3);
  }
  const headerHeight = heightOf(block.columns, true);
  let y = pdf.y;
  const header = () => {
    draw(block.columns, y, headerHeight, { header: true });
    y += headerHeight;
  };
  if (y + headerHeight * 2 > bottomOf(pdf)) {
    pdf.addPage();
    y = MARGINS.top;
  }
  header();
  const rows = [
    ...block.rows.map((cells) => ({ cells, bold: false })),
    ...(block.totalRow ? [{ cells: block.totalRow, bold: true }] : []),
  ];
  for (const row of rows) {
    const height = heightOf(row.cells, row.bold);
    if (y + height > bottomOf(pdf)) {
      pdf.addPage();
      y = MARGINS.top;
      header();
    }
    draw(row.cells, y, height, { bold: row.bold });
    y += height;
  }
  pdf.x = MARGINS.left;
  pdf.y = y + 10;
}

function blocks(pdf: Pdf, items: readonly DocBlock[]): void {
  for (const block of items) {
    if (block.type === 'table') table(pdf, block);
    else paragraphText(pdf, block.text);
  }
}

function heading(pdf: Pdf, text: string): void {
  if (pdf.y + 80 > bottomOf(pdf)) pdf.addPage();
  paragraphText(pdf, text, { bold: true, align: 'left' });
}

/** The document as a PDF, the CJK font embedded as a subset. */
export function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: doc.title, Creator: 'Pingyi' },
    lang: 'zh-CN',
  } as PDFKit.PDFDocumentOptions);
  const { regular, bold } = cjkFonts();
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  pdf
    .font('bold')
    .fontSize(26)
    .fillColor(RED)
    .text(doc.issuer, MARGINS.left, MARGINS.top - 10, { width, align: 'center' });
  if (doc.reference)
    pdf.font('regular').fontSize(BODY).fillColor('black').text(doc.reference, { width, align: 'center' });
  const ruleY = pdf.y + 8;
  pdf
    .moveTo(MARGINS.left, ruleY)
    .lineTo(pdf.page.width - MARGINS.right, ruleY)
    .lineWidth(1.5)
    .stroke(RED);
  pdf.y = ruleY + 24;
  pdf
    .font('bold')
    .fontSize(22)
    .fillColor('black')
    .text(doc.title, MARGINS.left, pdf.y, { width, align: 'center', lineGap: 8 });
  pdf.moveDown(0.8);
  if (doc.addressee) paragraphText(pdf, doc.addressee, { indent: false, align: 'left' });
  for (const line of doc.opening) paragraphText(pdf, line);
  doc.sections.forEach((section, i) => {
    heading(pdf, `${chineseNumeral(i + 1)}、${section.heading}`);
    blocks(pdf, section.blocks);
    (section.subsections ?? []).forEach((sub, j) => {
      heading(pdf, `（${chineseNumeral(j + 1)}）${sub.heading}`);
      blocks(pdf, sub.blocks);
    });
  });
  if (pdf.y + 120 > bottomOf(pdf)) pdf.addPage();
  pdf.moveDown(1.5);
  const signature = { width: width - BODY * 2, align: 'right' as const, lineGap: LINE_GAP };
  pdf.font('regular').fontSize(BODY).fillColor('black').text(doc.issuer, MARGINS.left, pdf.y, signature);
  pdf.text(doc.date, MARGINS.left, pdf.y, signature);
  for (const note of doc.notes ?? []) paragraphText(pdf, note);
  // page numbers, written into the bottom margin of every page
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(14)
      .fillColor('black')
      .text(`— ${i + 1} —`, 0, pdf.page.height - MARGINS.bottom / 2 - 7, {
        width: pdf.page.width,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = margin;
  }
  pdf.end();
  return done;
}
