import QRCode from 'qrcode';

/** A QR code as its module matrix: `dark(x, y)` for 0 ≤ x, y < size (no quiet zone). */
export interface QrMatrix {
  readonly size: number;
  dark(x: number, y: number): boolean;
}

/**
 * The QR code of a sheet label or a link, at error correction level M (15% of
 * the code may be smudged or torn). The printer draws it as vector squares and
 * the synthetic scans as pixels, from this one matrix.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => modules.get(y, x) === 1 };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * The QR code as an SVG image (black on white, 4-module quiet zone), for an
 * HTML page; `title` is its text alternative, for screen readers (escaped).
 */
export function qrSvg(text: string, sizeMm: number, title: string): string {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const total = matrix.size + 2 * quiet;
  let path = '';
  for (let y = 0; y < matrix.size; y += 1)
    for (let x = 0; x < matrix.size; x += 1) if (matrix.dark(x, y)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges" role="img"><title>${title.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] as string)}</title><rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
