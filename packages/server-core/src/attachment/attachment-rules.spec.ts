import { describe, expect, it } from 'vitest';
import { checkExtension, cleanFileName, mediaTypeOf, sniffedMatches } from './attachment-rules';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('attachment rules', () => {
  it.each([
    ['image/png', 'image/png', true],
    ['image/png', undefined, false],
    ['image/png', 'image/jpeg', false],
    ['application/msword', 'application/x-cfb', true],
    ['application/vnd.ms-excel', 'application/x-cfb', true],
    [DOCX, DOCX, true],
    [DOCX, 'application/zip', false],
    ['text/html', 'text/html', false],
    ['image/svg+xml', 'image/svg+xml', false],
  ])('declared %s, sniffed %s: %s', (type, sniffed, expected) => {
    expect(sniffedMatches(type, sniffed)).toBe(expected);
  });

  it.each([
    ['photo.JPG', 'image/jpeg'],
    ['photo.jpeg', 'image/jpeg'],
    ['整改报告.docx', DOCX],
  ])('accepts %s as %s', (name, type) => {
    expect(() => checkExtension(name, type)).not.toThrow();
  });

  it.each([
    ['page.html', 'image/png', /\.html is not accepted/],
    ['run.hta', 'image/png', /\.hta is not accepted/],
    ['logo.svg', 'image/png', /\.svg is not accepted/],
    ['noextension', 'image/png', /a name without an extension is not accepted/],
    ['report.pdf', 'image/png', /\.pdf does not match the declared type image\/png \(expected \.png\)/],
  ])('refuses %s declared as %s', (name, type, message) => {
    expect(() => checkExtension(name, type)).toThrow(message);
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

  it.each([['photo\u202egpj.exe'], ['a\u2066b.png'], ['x\u200f.pdf']])(
    'refuses a name with a bidirectional control character (%j)',
    (raw) => {
      expect(() => cleanFileName(raw)).toThrow(/name: contains the bidirectional control character U\+20/);
    },
  );

  it('reads the media type without parameters', () => {
    expect(mediaTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});
