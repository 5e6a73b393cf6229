import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGraphqlError } from './format-error';
import { checkDocumentSize, checkQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';
import { queryLimitsRule } from './query-limits.plugin';

describe('checkQueryLimits', () => {
  const within = { depth: 1, aliases: 0, directives: 0, rootFields: 1, cost: 1 };
  it.each([
    [{ ...within, depth: 11 }, 'Query is too deep: 11 levels, the limit is 10'],
    [{ ...within, aliases: 16 }, 'Query uses too many aliases: 16, the limit is 15'],
    [{ ...within, directives: 21 }, 'Query uses too many directives: 21, the limit is 20'],
    [{ ...within, rootFields: 21 }, 'Query asks for too many root fields: 21, the limit is 20'],
    [{ ...within, cost: 20_001 }, 'Query is too expensive: estimated cost 20001, the limit is 20000'],
  ])('names the broken limit and its value (%o)', (measured, message) => {
    expect(checkQueryLimits(measured, DEFAULT_QUERY_LIMITS)).toBe(message);
  });

  it('accepts operations within every limit, bounds included', () => {
    expect(checkQueryLimits({ depth: 10, aliases: 15, directives: 20, rootFields: 20, cost: 20_000 })).toBeNull();
  });

  it('leaves the cost out of the structural check (it needs the variables)', () => {
    expect(checkQueryLimits({ ...within, cost: 1e9 }, DEFAULT_QUERY_LIMITS, 'structure')).toBeNull();
  });
});

describe('checkDocumentSize', () => {
  it.each([
    ['64 KiB of ASCII', 'x'.repeat(64 * 1024), null],
    ['one byte more', 'x'.repeat(64 * 1024 + 1), 'Query document too large: 65537 bytes, the limit is 65536'],
    ['characters counted in UTF-8 bytes', '评'.repeat(22_000), 'Query document too large: 66000 bytes, the limit is 65536'],
  ])('%s', (_name, document, expected) => {
    expect(checkDocumentSize(document)).toBe(expected);
  });
});

describe('queryLimitsRule', () => {
  const schema = buildSchema('type Query { a: Int b(x: Int): Int }');
  const run = (query: string) => () => validate(schema, parse(query), [...specifiedRules, queryLimitsRule()]);

  it('throws before the other rules walk the document', () => {
    // 1,000 same-named fields with different arguments: quadratic work for OverlappingFieldsCanBeMerged
    const conflicting = `{ ${Array.from({ length: 1000 }, (_, i) => `b(x: ${i})`).join(' ')} }`;
    // validate() returns what its rules report; a throw means the walk stopped at the document
    expect(run(conflicting)).toThrow('Query asks for too many root fields: 1000, the limit is 20');
  });

  it.each([
    ['too many directives', `{ a ${'@d '.repeat(21)}}`, 'Query uses too many directives: 21, the limit is 20'],
    ['a fragment cycle', '{ ...A } fragment A on Query { ...A }', 'Fragment cycle: A spreads A (a fragment may not spread itself)'],
  ])('refuses %s', (_name, query, message) => {
    expect(run(query)).toThrow(message);
  });

  it('leaves valid documents to the other rules, and the cost to execution', () => {
    expect(run('{ a b(x: 1) }')()).toEqual([]);
    expect(run('{ a nope }')().map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Query".']);
  });
});

describe('the token limit', () => {
  it('is refused as a limit like the others (graphql-js\'s message, renamed)', () => {
    let syntax: unknown;
    try {
      parse(`{ ${'a '.repeat(10)}}`, { maxTokens: 5 });
    } catch (error) {
      syntax = error;
    }
    const message = (syntax as Error).message;
    expect(message).toMatch(/Document contains more th\w+ 5 tokens/);
    expect(formatGraphqlError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, syntax)).toEqual({
      message: 'Query document too long: more than 5 tokens, the limit is 5',
      extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
    });
  });
});
