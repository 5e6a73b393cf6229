/** Largest evidence file accepted: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** How a file type is recognised from its first bytes. */
interface Signature {
  readonly offset: number;
  readonly bytes: readonly number[];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const ZIP: Signature[] = [{ offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] }];
const OLE: Signature[] = [{ offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }];

/**
 * The evidence types accepted (images, PDF, office documents) and the
 * signature the content must start with, so a file cannot claim a type it is
 * not (an HTML page sent as image/png is refused).
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly Signature[][]>> = {
  'image/jpeg': [[{ offset: 0, bytes: [0xff, 0xd8, 0xff] }]],
  'image/png': [[{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }]],
  'image/gif': [[{ offset: 0, bytes: ascii('GIF8') }]],
  'image/webp': [[{ offset: 0, bytes: ascii('RIFF') }, { offset: 8, bytes: ascii('WEBP') }]],
  'application/pdf': [[{ offset: 0, bytes: ascii('%PDF-') }]],
  'application/msword': [OLE],
  'application/vnd.ms-excel': [OLE],
  'application/vnd.ms-powerpoint': [OLE],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': [ZIP],
};

/** Bytes needed to check every signature. */
export const SNIFF_BYTES = 16;

/** The MIME type without parameters, lower-case (`Image/PNG; x=1` → `image/png`). */
export const mediaTypeOf = (header: string | undefined): string => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** True when `head` (the file's first bytes) starts the way `type` requires. */
export function matchesSignature(type: string, head: Uint8Array): boolean {
  const alternatives = ATTACHMENT_TYPES[type];
  if (!alternatives) return false;
  return alternatives.some((parts) => parts.every(({ offset, bytes }) => bytes.every((byte, i) => head[offset + i] === byte)));
}

/**
 * A safe file name from an uploaded one: the last path segment, without
 * control characters, 1 to 200 characters; `null` when nothing is left.
 */
export function cleanFileName(raw: string | undefined): string | null {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') return null;
  return [...name].slice(0, 200).join('');
}
