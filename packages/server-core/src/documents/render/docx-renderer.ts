import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { chineseNumeral, type DocBlock, type DocTable, type OfficialDocument } from '../content/document-model';

// 公文 layout (GB/T 9704): A4, margins 37/35/28/26 mm, the issuing office in
// red above a red rule, the title in 2号 (22 pt), the body in 3号 仿宋 (16 pt)
// with 28 pt lines, level-one headings 一、 in 黑体, level-two （一） in 楷体.
// Word picks the fonts by name; the PDF renderer embeds its own.

const MM = 56.7; // twips per millimetre
const RED = 'C00000';
const body = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const hei = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const kai = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' };
const song = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt

const alignOf = (align: 'left' | 'center' | 'right' | undefined) =>
  align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;

function text(
  value: string,
  options: { font?: typeof body; size?: number; bold?: boolean; color?: string } = {},
): TextRun {
  return new TextRun({
    text: value,
    font: options.font ?? body,
    size: (options.size ?? 16) * 2,
    bold: options.bold,
    color: options.color,
  });
}

function table(block: DocTable): (Paragraph | Table)[] {
  const widths = block.widths ?? block.columns.map(() => 1);
  const sum = widths.reduce((a, b) => a + b, 0);
  const cell = (value: string, i: number, header: boolean, bold = false) =>
    new TableCell({
      width: { size: Math.round((5000 * (widths[i] ?? 1)) / sum), type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : alignOf(block.align?.[i]),
          children: [text(value, { font: header ? hei : song, size: 10.5, bold })],
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    ...(block.caption
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 60 },
            children: [text(block.caption, { font: hei, size: 12 })],
          }),
        ]
      : []),
    new Table({
      width: { size: 5000, type: WidthType.PERCENTAGE },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((column, i) => cell(column, i, true)) }),
        ...block.rows.map(
          (row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, i, false)) }),
        ),
        ...(block.totalRow
          ? [new TableRow({ cantSplit: true, children: block.totalRow.map((value, i) => cell(value, i, false, true)) })]
          : []),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function blocks(items: readonly DocBlock[]): (Paragraph | Table)[] {
  return items.flatMap((block) =>
    block.type === 'table'
      ? table(block)
      : [
          new Paragraph({
            indent: { firstLine: 640 },
            spacing: LINE,
            alignment: AlignmentType.JUSTIFIED,
            children: [text(block.text)],
          }),
        ],
  );
}

/** The document as a Word file (DOCX). */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [text(doc.issuer, { font: song, size: 30, bold: true, color: RED })],
    }),
    ...(doc.reference ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(doc.reference)] })] : []),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 1 } },
      spacing: { after: 360 },
      children: [],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360, line: 700, lineRule: 'exact' },
      children: [text(doc.title, { font: song, size: 22, bold: true })],
    }),
    ...(doc.addressee ? [new Paragraph({ spacing: LINE, children: [text(doc.addressee)] })] : []),
    ...doc.opening.map(
      (line) =>
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: LINE,
          alignment: AlignmentType.JUSTIFIED,
          children: [text(line)],
        }),
    ),
  ];
  doc.sections.forEach((section, i) => {
    children.push(
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: LINE,
        keepNext: true,
        children: [text(`${chineseNumeral(i + 1)}、${section.heading}`, { font: hei })],
      }),
    );
    children.push(...blocks(section.blocks));
    (section.subsections ?? []).forEach((sub, j) => {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: LINE,
          keepNext: true,
          children: [text(`（${chineseNumeral(j + 1)}）${sub.heading}`, { font: kai })],
        }),
      );
      children.push(...blocks(sub.blocks));
    });
  });
  children.push(
    new Paragraph({
      spacing: { before: 560, ...LINE },
      alignment: AlignmentType.RIGHT,
      indent: { right: 640 },
      children: [text(doc.issuer)],
    }),
  );
  children.push(
    new Paragraph({
      spacing: LINE,
      alignment: AlignmentType.RIGHT,
      indent: { right: 640 },
      children: [text(doc.date)],
    }),
  );
  for (const note of doc.notes ?? [])
    children.push(new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [text(note)] }));
  const document = new Document({
    creator: 'Pingyi',
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: song })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
