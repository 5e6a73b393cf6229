import { PingyiError } from '@pingyi/domain';

/** Largest evidence file accepted: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** An accepted evidence type: the file name extensions it may have, and what sniffing its content (`file-type`) must find. */
export interface AttachmentType {
  readonly extensions: readonly string[];
  readonly sniffed: readonly string[];
}

// the legacy Office formats are OLE compound files: file-type names them all application/x-cfb
const CFB = 'application/x-cfb';

/**
 * The evidence types accepted (images, PDF, office documents), by declared
 * `Content-Type`. A file must carry one of the type's extensions and its bytes
 * must sniff as that type, so an HTML page, an `.hta`, an `.svg` (scriptable
 * XML) or a PNG named `report.pdf` are refused.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
  'image/jpeg': { extensions: ['jpg', 'jpeg'], sniffed: ['image/jpeg'] },
  'image/png': { extensions: ['png'], sniffed: ['image/png'] },
  'image/gif': { extensions: ['gif'], sniffed: ['image/gif'] },
  'image/webp': { extensions: ['webp'], sniffed: ['image/webp'] },
  'application/pdf': { extensions: ['pdf'], sniffed: ['application/pdf'] },
  'application/msword': { extensions: ['doc'], sniffed: [CFB] },
  'application/vnd.ms-excel': { extensions: ['xls'], sniffed: [CFB] },
  'application/vnd.ms-powerpoint': { extensions: ['ppt'], sniffed: [CFB] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    sniffed: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    sniffed: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    sniffed: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
};

/** Every accepted extension, for messages: `jpg, jpeg, png, …`. */
const ACCEPTED_EXTENSIONS = Object.values(ATTACHMENT_TYPES).flatMap((type) => type.extensions);

/** The MIME type without parameters, lower-case (`Image/PNG; x=1` → `image/png`). */
export const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** True when sniffing found (`sniffed`, undefined when unknown) what the declared `type` requires. */
export function sniffedMatches(type: string, sniffed: string | undefined): boolean {
  return sniffed !== undefined && (ATTACHMENT_TYPES[type]?.sniffed.includes(sniffed) ?? false);
}

/**
 * Characters that reorder how a name is displayed (U+202E turns
 * `photo\u202Egpj.exe` into "photoexe.jpg"): refused, not stripped.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A safe file name from an uploaded one: the last path segment, without
 * control characters, 1 to 200 characters; `null` when nothing is left.
 * A name with a bidirectional-control character is refused (`INVALID_ARGUMENT`).
 */
export function cleanFileName(raw: string | undefined): string | null {
  const bidi = BIDI_CONTROLS.exec(raw ?? '');
  if (bidi) {
    const code = `U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `contains the bidirectional control character ${code}, which can make a name show a false extension; rename the file`,
      'name',
    );
  }
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') return null;
  return [...name].slice(0, 200).join('');
}

/**
 * Refuses (`UNSUPPORTED_MEDIA_TYPE`) a name whose extension is not on the
 * allowlist or does not belong to the declared `type`.
 */
export function checkExtension(name: string, type: string): void {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(extension)) {
    throw new PingyiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${extension ? `.${extension}` : 'a name without an extension'} is not accepted; name the file with one of .${ACCEPTED_EXTENSIONS.join(', .')}`,
      'name',
    );
  }
  const expected = ATTACHMENT_TYPES[type];
  if (expected && !expected.extensions.includes(extension)) {
    throw new PingyiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `.${extension} does not match the declared type ${type} (expected .${expected.extensions.join(' or .')})`,
      'name',
    );
  }
}
