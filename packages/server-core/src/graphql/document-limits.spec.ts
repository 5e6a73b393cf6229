import { describe, expect, it } from 'vitest';
import { checkDocument, checkDocumentSize } from './document-limits';
import { DEFAULT_QUERY_LIMITS } from './query-limits';

const limit = (message: string) => ({ code: 'QUERY_LIMIT_EXCEEDED', message });

describe('checkDocumentSize', () => {
  it.each([
    ['64 KiB of ASCII', 'x'.repeat(64 * 1024), null],
    ['one byte more', 'x'.repeat(64 * 1024 + 1), 'Query document too large: 65537 bytes, the limit is 65536'],
    [
      'characters counted in UTF-8 bytes',
      '评'.repeat(22_000),
      'Query document too large: 66000 bytes, the limit is 65536',
    ],
  ])('%s', (_name, document, expected) => {
    expect(checkDocumentSize(document)).toBe(expected);
  });
});

describe('checkDocument', () => {
  const fields = (n: number, field = 'a') => `{ ${`${field} `.repeat(n)}}`;
  // `{ a(x: [` and `]) }` are 9 tokens, the rest one per number
  const tokens = (n: number) => `{ a(x: [${' 1'.repeat(n - 9)} ]) }`;

  it.each([
    ['an ordinary query', 'query Q($id: ID!) { campaign(id: $id) { id name units { code } } }', null],
    ['a syntax error (left to Apollo, which names it)', '{ a ', null],
    ['unknown fields (left to validation)', '{ nope { deeper } }', null],
    [
      'a large comment',
      `{ a } # ${'x'.repeat(70_000)}`,
      limit('Query document too large: 70008 bytes, the limit is 65536'),
    ],
    ['5,000 tokens', tokens(5_000), null],
    ['5,001 tokens', tokens(5_001), limit('Query document too long: more than 5000 tokens, the limit is 5000')],
    ['comments are not tokens', `{ a ${'#c\n'.repeat(6_000)}}`, null],
    ['depth 11', `{ ${'a { '.repeat(10)}b${' }'.repeat(10)} }`, limit('Query is too deep: 11 levels, the limit is 10')],
    [
      '16 aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: a`).join(' ')} }`,
      limit('Query uses too many aliases: 16, the limit is 15'),
    ],
    ['1,000 directives', `{ a ${'@d '.repeat(1000)}}`, limit('Query uses too many directives: 1000, the limit is 20')],
    ['21 root fields', fields(21), limit('Query asks for too many root fields: 21, the limit is 20')],
    [
      '30 root fields through a fragment',
      `{ ...R } fragment R on Query ${fields(30)}`,
      limit('Query asks for too many root fields: 30, the limit is 20'),
    ],
    [
      'a second operation over a limit',
      `query A { a } query B ${fields(21)}`,
      limit('Query asks for too many root fields: 21, the limit is 20'),
    ],
    [
      'a fragment cycle',
      '{ a { ...A } } fragment A on T { b ...A }',
      { code: 'GRAPHQL_VALIDATION_FAILED', message: 'Fragment cycle: A spreads A (a fragment may not spread itself)' },
    ],
  ])('%s', (_name, source, expected) => {
    expect(checkDocument(source, DEFAULT_QUERY_LIMITS)).toEqual(expected);
  });

  // expanding the spreads would take days: finishing (within the test timeout) is the proof
  it('measures a fragment fan-out to 40 levels once per fragment', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on T { ...F${i + 1} ...F${i + 1} }`).join(
      ' ',
    );
    expect(checkDocument(`{ ...F0 } ${fragments} fragment F40 on T { b }`)).toEqual(
      limit('Query asks for too many root fields: 1099511627776, the limit is 20'),
    );
    expect(checkDocument(`{ a { ...F0 } } ${fragments} fragment F40 on T { b { c } }`)).toBeNull(); // structure only: the cost is for the schema-aware check
  });

  it('leaves the cost to the check that has the schema and the variables', () => {
    expect(checkDocument('{ a { b { c { d } } } }', { ...DEFAULT_QUERY_LIMITS, maxCost: 1 })).toBeNull();
  });
});
