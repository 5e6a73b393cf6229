// The content of an official document (公文), apart from how it is drawn:
// the DOCX and PDF renderers (../render) draw the same model, so both files
// carry the same words and the same figures. Pure: no Nest, no I/O.

/** A table: headings, rows of cells already formatted as people read them. */
export interface DocTable {
  readonly type: 'table';
  /** Shown above the table (表1 …). */
  readonly caption?: string;
  readonly columns: readonly string[];
  /** `right` for figures. Defaults to `left`. */
  readonly align?: readonly ('left' | 'center' | 'right')[];
  /** Relative column widths; equal when left out. */
  readonly widths?: readonly number[];
  readonly rows: readonly (readonly string[])[];
  /** A row in bold at the end (合计). */
  readonly totalRow?: readonly string[];
}

export interface DocParagraph {
  readonly type: 'paragraph';
  readonly text: string;
}

export type DocBlock = DocParagraph | DocTable;

/** A numbered section (一、二、…); subsections are numbered （一）（二）. */
export interface DocSection {
  readonly heading: string;
  readonly blocks: readonly DocBlock[];
  readonly subsections?: readonly { readonly heading: string; readonly blocks: readonly DocBlock[] }[];
}

/** An official document: title, addressee, numbered sections, issuing office and date. */
export interface OfficialDocument {
  /** File name without extension, in Chinese. */
  readonly fileName: string;
  /** 发文机关标志: the issuing office, printed in red at the top. */
  readonly issuer: string;
  /** 发文字号, e.g. 评议办〔2026〕1号. */
  readonly reference?: string;
  readonly title: string;
  /** 主送机关, e.g. 各单位： */
  readonly addressee?: string;
  /** Opening paragraphs before the first section. */
  readonly opening: readonly string[];
  readonly sections: readonly DocSection[];
  /** 成文日期, written out: 2026年12月1日. */
  readonly date: string;
  /** 附注 (e.g. 联系人), below the date. */
  readonly notes?: readonly string[];
}

export const paragraph = (text: string): DocParagraph => ({ type: 'paragraph', text });

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** `2026-12-01` → 2026年12月1日. */
export function chineseDate(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * A figure as people read it: a score or rate already rounded by the policy,
 * printed with exactly `decimals` places (86.3 → "86.30"). `null` is a dash.
 */
export function figure(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined ? '—' : value.toFixed(decimals);
}

/** A signed change: +1.25, −0.50, 0.00; `null` is a dash. */
export function change(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return (0).toFixed(decimals);
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(decimals)}`;
}

/** A ratio 0..1 as a percentage with two places, `null` is a dash. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${(Math.round(ratio * 10_000) / 100).toFixed(2)}%`;
}
