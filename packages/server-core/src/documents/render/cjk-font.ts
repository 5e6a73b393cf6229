import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Noto Serif SC (SIL OFL) from the npm package @expo-google-fonts/noto-serif-sc:
// TrueType files that fontkit reads; pdfkit embeds only the glyphs a document
// uses (a subset of a few kB). Read once per process, never fetched.

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The regular and bold CJK fonts the PDF renderer embeds. */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const folder = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
    fonts = {
      regular: readFileSync(join(folder, '400Regular', 'NotoSerifSC_400Regular.ttf')),
      bold: readFileSync(join(folder, '700Bold', 'NotoSerifSC_700Bold.ttf')),
    };
  }
  return fonts;
}
