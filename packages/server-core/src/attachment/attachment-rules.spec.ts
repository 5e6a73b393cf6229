import { describe, expect, it } from 'vitest';
import { cleanFileName, matchesSignature, mediaTypeOf } from './attachment-rules';

const bytes = (...values: (number | string)[]): Uint8Array =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('attachment rules', () => {
  it.each([
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), true],
    ['image/png', bytes('<html>'), false],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ['image/webp', bytes('RIFF', 0, 0, 0, 0, 'WEBP'), true],
    ['image/webp', bytes('RIFF', 0, 0, 0, 0, 'WAVE'), false],
    ['application/pdf', bytes('%PDF-1.7'), true],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes('PK', 3, 4), true],
    ['application/msword', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), true],
    ['text/html', bytes('<html>'), false],
    ['application/pdf', bytes(), false],
  ])('%s with the given bytes: %s', (type, head, expected) => {
    expect(matchesSignature(type, head)).toBe(expected);
  });

  it.each([
    ['photo.jpg', 'photo.jpg'],
    ['C:\\Users\\x\\整改照片.png', '整改照片.png'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\nc.pdf', 'abc.pdf'],
    ['..', null],
    ['   ', null],
    [undefined, null],
  ])('cleans the file name %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it('reads the media type without parameters', () => {
    expect(mediaTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});
