import { eastAsianWidth } from 'get-east-asian-width';

// Combining marks, zero-width spaces and joiners, variation selectors: no column of their own.
const MARK = /^\p{M}$/u;
const zeroWidth = (char: string, code: number): boolean =>
  MARK.test(char) ||
  (code >= 0x200b && code <= 0x200f) ||
  code === 0x2060 ||
  code === 0xfeff ||
  (code >= 0xfe00 && code <= 0xfe0f);

/** Terminal columns a string takes: East Asian Wide and Fullwidth characters count 2 (get-east-asian-width). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || zeroWidth(char, code)) continue;
    width += eastAsianWidth(code, { ambiguousAsWide: false });
  }
  return width;
}

/** Pads to `width` columns, text on the left (`'left'`) or the right (`'right'`). */
export function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
