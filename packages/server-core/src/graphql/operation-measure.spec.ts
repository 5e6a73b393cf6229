import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './operation-measure';

const schema = buildSchema(`
  input ListOptions { skip: Int take: Int }
  type Unit { code: String! parent: Unit children(take: Int): [Unit!]! }
  type UnitList { items: [Unit!]! totalItems: Int! }
  type Query {
    unit: Unit
    units(options: ListOptions): UnitList!
    codes: [String!]!
    search(first: Int): [Unit!]!
  }
  type Mutation { login(username: String!): Boolean }
`);

const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
};

/** `levels` fragments on `type`, each spreading the next one twice, the last holding `leaf`. */
const fanOut = (levels: number, type: string, leaf: string): string =>
  `${Array.from({ length: levels }, (_, i) => `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on ${type} { ${leaf} }`;

describe('measureOperation', () => {
  it.each([
    ['one field', '{ unit { code } }', { depth: 2, aliases: 0, directives: 0, rootFields: 1, cost: 2 }],
    ['nested objects', '{ unit { parent { parent { code } } } }', { depth: 4, aliases: 0, rootFields: 1, cost: 4 }],
    [
      'page size from options.take',
      '{ units(options: { take: 50 }) { items { code } totalItems } }',
      { depth: 3, cost: 1 + 1 + 50 + 1 },
    ],
    [
      'page size from a variable',
      'query($t: Int) { units(options: { take: $t }) { items { code } } }',
      { cost: 1 + 1 + 7 },
      { t: 7 },
    ],
    ['assumed list size without argument', '{ search { code } }', { cost: 1 + 20 }],
    ['first argument', '{ search(first: 3) { children(take: 4) { code } } }', { cost: 1 + 3 + 12 }],
    ['list sizes capped at 100', '{ search(first: 5000) { code } }', { cost: 1 + 100 }],
    ['scalar lists cost one', '{ codes }', { depth: 1, cost: 1 }],
    [
      'fragments expanded where spread',
      'fragment F on Unit { parent { code } } { unit { ...F ... on Unit { code } } }',
      { depth: 3, cost: 4 },
    ],
    [
      'a fragment spread in two places counts twice',
      'fragment F on Unit { code } { a: unit { ...F } b: unit { ...F } }',
      { aliases: 2, cost: 4 },
    ],
    [
      'a page size reaches a fragment on the page',
      'fragment P on UnitList { items { code } } { units(options: { take: 5 }) { ...P } }',
      { depth: 3, cost: 1 + 1 + 5 },
    ],
    [
      'the same fragment under two page sizes',
      'fragment P on UnitList { items { code } } { a: units(options: { take: 5 }) { ...P } b: units(options: { take: 7 }) { ...P } }',
      { cost: 7 + 9 },
    ],
    ['aliases counted', '{ a: unit { code } b: unit { c: code } }', { aliases: 3, rootFields: 2 }],
    ['aliases of __typename counted', '{ a: __typename b: __typename }', { aliases: 2, rootFields: 2, cost: 0 }],
    [
      'introspection free',
      '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
      { depth: 0, cost: 0 },
    ],
    [
      'aliases and directives inside introspection counted',
      '{ __schema { a: types { b: name @skip(if: false) } } }',
      { aliases: 2, directives: 1, cost: 0 },
    ],
    ['__typename free', '{ unit { __typename } }', { depth: 1, cost: 1 }],
    [
      'mutations',
      'mutation { a: login(username: "x") b: login(username: "y") }',
      { aliases: 2, rootFields: 2, cost: 2 },
    ],
    [
      'directives everywhere',
      'query Q($v: Boolean = true) @q { unit @a { code @b ...F @c ... @d { code } } } fragment F on Unit @e { code @f }',
      { directives: 7 },
    ],
    [
      'directives in a fragment count at each spread',
      '{ a: unit { ...F } b: unit { ...F } } fragment F on Unit { code @skip(if: false) }',
      { directives: 2 },
    ],
    ['root fields through a fragment', `{ ...R } fragment R on Query { ${'codes '.repeat(30)}}`, { rootFields: 30 }],
    ['root fields through an inline fragment', `{ codes ... on Query { ${'codes '.repeat(29)}} }`, { rootFields: 30 }],
    [
      'root fields through nested fragments',
      '{ ...R ...R } fragment R on Query { ... { ...S } codes } fragment S on Query { codes __typename }',
      { rootFields: 6 },
    ],
    [
      'unknown fields and fragments (not validated yet)',
      '{ nope { deeper { code } } ...Missing }',
      { depth: 3, cost: 3, rootFields: 1 },
    ],
  ])('%s', (_name, query, expected, variables?: Record<string, unknown>) => {
    expect(measure(query, variables ?? {})).toMatchObject(expected);
  });

  // expanding 2^40 spreads would take days: finishing (within the test timeout) is the proof
  it('measures a fragment fan-out to 40 levels once per fragment (no 2^40 walk)', () => {
    const nested = measure(`{ unit { ...F0 } } ${fanOut(40, 'Unit', 'code parent { code }')}`);
    const atRoot = measure(`{ ...F0 } ${fanOut(40, 'Query', 'a: codes')}`);
    expect(nested).toEqual({ depth: 3, aliases: 0, directives: 0, rootFields: 1, cost: 1 + 3 * 2 ** 40 });
    expect(atRoot).toEqual({ depth: 1, aliases: 2 ** 40, directives: 0, rootFields: 2 ** 40, cost: 2 ** 40 });
  });

  it.each([
    [
      'a fragment spreading itself',
      '{ unit { ...A } } fragment A on Unit { code ...A }',
      'Fragment cycle: A spreads A (a fragment may not spread itself)',
    ],
    [
      'a cycle through three fragments',
      '{ unit { ...A } } fragment A on Unit { ...B } fragment B on Unit { ... on Unit { ...C } } fragment C on Unit { parent { ...A } }',
      'Fragment cycle: A spreads B, which spreads C, which spreads A (a fragment may not spread itself)',
    ],
    [
      'a cycle below a fan-out',
      `{ unit { ...F0 } } ${fanOut(30, 'Unit', '...F0')}`,
      /^Fragment cycle: F0 spreads F1, which spreads F2, .* which spreads F30, which spreads F0 \(a fragment may not spread itself\)$/,
    ],
  ])('refuses fragment cycles: %s', (_name, query, message) => {
    let error: unknown;
    try {
      measure(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      message: expect.stringMatching(typeof message === 'string' ? `^${message.replace(/[()]/g, '\\$&')}$` : message),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
