import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, measureOperation } from './query-limits';

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

describe('measureOperation', () => {
  it.each([
    ['one field', '{ unit { code } }', { depth: 2, aliases: 0, rootFields: 1, cost: 2 }],
    ['nested objects', '{ unit { parent { parent { code } } } }', { depth: 4, aliases: 0, rootFields: 1, cost: 4 }],
    ['page size from options.take', '{ units(options: { take: 50 }) { items { code } totalItems } }', { depth: 3, cost: 1 + 1 + 50 + 1 }],
    ['page size from a variable', 'query($t: Int) { units(options: { take: $t }) { items { code } } }', { cost: 1 + 1 + 7 }, { t: 7 }],
    ['assumed list size without argument', '{ search { code } }', { cost: 1 + 20 }],
    ['first argument', '{ search(first: 3) { children(take: 4) { code } } }', { cost: 1 + 3 + 12 }],
    ['list sizes capped at 100', '{ search(first: 5000) { code } }', { cost: 1 + 100 }],
    ['scalar lists cost one', '{ codes }', { depth: 1, cost: 1 }],
    ['fragments expanded where spread', 'fragment F on Unit { parent { code } } { unit { ...F ... on Unit { code } } }', { depth: 3, cost: 4 }],
    ['aliases counted', '{ a: unit { code } b: unit { c: code } }', { aliases: 3, rootFields: 2 }],
    ['introspection free', '{ __schema { types { name fields { name type { name ofType { name } } } } } }', { depth: 0, cost: 0 }],
    ['__typename free', '{ unit { __typename } }', { depth: 1, cost: 1 }],
    ['mutations', 'mutation { a: login(username: "x") b: login(username: "y") }', { aliases: 2, rootFields: 2, cost: 2 }],
  ])('%s', (_name, query, expected, variables?: Record<string, unknown>) => {
    expect(measure(query, variables ?? {})).toMatchObject(expected);
  });
});

describe('checkQueryLimits', () => {
  it.each([
    [{ depth: 11, aliases: 0, rootFields: 1, cost: 1 }, 'Query is too deep: 11 levels, the limit is 10'],
    [{ depth: 1, aliases: 16, rootFields: 1, cost: 1 }, 'Query uses too many aliases: 16, the limit is 15'],
    [{ depth: 1, aliases: 0, rootFields: 21, cost: 1 }, 'Query asks for too many root fields: 21, the limit is 20'],
    [{ depth: 1, aliases: 0, rootFields: 1, cost: 20_001 }, 'Query is too expensive: estimated cost 20001, the limit is 20000'],
  ])('names the broken limit (%o)', (measured, message) => {
    expect(checkQueryLimits(measured, DEFAULT_QUERY_LIMITS)).toBe(message);
  });

  it('accepts operations within every limit, bounds included', () => {
    expect(checkQueryLimits({ depth: 10, aliases: 15, rootFields: 20, cost: 20_000 })).toBeNull();
  });
});
