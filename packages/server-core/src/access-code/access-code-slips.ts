import { writeCsv } from '@pingyi/csv';
import { qrSvg } from '@pingyi/omr';
import { formatAccessCode } from './access-code-format';

/** What a printed slip says besides the code. */
export interface SlipContext {
  readonly campaignName: string;
  readonly groupLabel: string;
  readonly groupCode: string;
  /** Where to vote, e.g. `https://pingyi.example.gov.cn/vote`. */
  readonly ballotUrl: string;
  /** The appraisal window(s) in words, e.g. `2025-10-16 至 2025-11-15`. */
  readonly window: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

// A4 portrait, 2 × 5 slips per page with dashed cut lines.
const STYLE = `
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #000; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 55mm; gap: 0; page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
.slip { border: 1px dashed #777; padding: 3.5mm 4mm 3mm 5mm; display: grid; grid-template-columns: minmax(0, 1fr) 22mm; column-gap: 3mm; row-gap: 1.2mm; align-content: start; overflow: hidden; }
.slip .text { grid-column: 1; grid-row: 1; min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.slip .qr { grid-column: 2; grid-row: 1; display: flex; flex-direction: column; align-items: center; gap: 0.5mm; font-size: 7pt; }
.slip .qr svg { display: block; }
.slip .how, .slip .url { grid-column: 1 / -1; }
.slip h2 { font-size: 10.5pt; margin: 0; line-height: 1.25; }
.slip .group { font-size: 8.5pt; }
.slip .code { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 13pt; font-weight: 700; letter-spacing: 0.04em; white-space: nowrap; margin: 0.5mm 0 0; }
.slip .how { font-size: 7.5pt; line-height: 1.3; }
.slip .url { font-family: monospace; font-size: 8.5pt; word-break: break-all; }
@media screen { body { background: #eee; } .sheet { width: 190mm; margin: 8mm auto; background: #fff; } }
`;

/**
 * What a slip's QR code opens: the ballot page with the code in the fragment
 * (`…/vote#code=ABCD…`), which browsers never send, so the code stays out of
 * every server's and proxy's logs.
 */
export function slipLink(ballotUrl: string, code: string): string {
  return `${ballotUrl.replace(/#.*$/, '')}#code=${code.replace(/-/g, '')}`;
}

/** The side of a slip's QR code, mm (a 16-character code in the link: 37 modules of 0.6 mm). */
export const SLIP_QR_MM = 22;

/** The text alternative of a slip's QR code. */
export const SLIP_QR_TITLE = '评议网页二维码（已填入本评议码）';

/**
 * A print-ready HTML page of access-code slips (A4, ten per page, Chinese):
 * each slip names the campaign and the evaluator group, shows the code in
 * groups of four, says how and when to vote, and carries a QR code of the
 * ballot page with the code filled in ({@link slipLink}). All text is escaped.
 */
export function renderSlipsHtml(codes: readonly string[], context: SlipContext): string {
  const slip = (code: string): string => `
  <section class="slip">
    <div class="text">
    <h2>${escapeHtml(context.campaignName)} · 评议码</h2>
    <div class="group">评议对象类别：${escapeHtml(context.groupLabel)}</div>
    <div class="code" aria-label="评议码">${escapeHtml(formatAccessCode(code.replace(/-/g, '')))}</div>
    </div>
    <div class="qr">${qrSvg(slipLink(context.ballotUrl, code), SLIP_QR_MM, SLIP_QR_TITLE)}<span>扫码评议</span></div>
    <div class="how">请于 ${escapeHtml(context.window)} 期间访问下列网址，输入本评议码，对各被评议单位逐项选择评价档次，并可填写意见。每个评议码只能使用一次；评议不记名，系统不保存评议码与评议表之间的任何对应关系。</div>
    <div class="url">${escapeHtml(context.ballotUrl)}</div>
  </section>`;
  const sheets: string[] = [];
  for (let i = 0; i < codes.length; i += 10)
    sheets.push(
      `<div class="sheet">${codes
        .slice(i, i + 10)
        .map(slip)
        .join('')}\n</div>`,
    );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(context.campaignName)} · ${escapeHtml(context.groupLabel)} · 评议码（${codes.length} 张）</title>
<style>${STYLE}</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>
`;
}

/**
 * The codes as CSV for a printing house: UTF-8 with one BOM (so spreadsheet
 * programs read the Chinese labels), a header row, one code per line, CRLF,
 * formula-like labels neutralised.
 */
export function renderCodesCsv(
  codes: readonly string[],
  context: Pick<SlipContext, 'campaignName' | 'groupCode' | 'groupLabel'>,
): string {
  const rows = codes.map((code) => [
    formatAccessCode(code.replace(/-/g, '')),
    context.groupCode,
    context.groupLabel,
    context.campaignName,
  ]);
  return writeCsv([['code', 'group', 'group_label', 'campaign'], ...rows], { bom: true });
}
