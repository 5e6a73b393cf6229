import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countRootField } from './root-field-count';

function countIn(source: string, name = 'castBallot'): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  if (!operation) throw new Error('no operation');
  return countRootField(operation, fragments, name);
}

describe('countRootField', () => {
  it.each([
    ['one call', 'mutation { castBallot(input: $i) { __typename } }', 1],
    ['no call', 'mutation { logout { loggedOut } }', 0],
    ['aliases', 'mutation { a: castBallot(input: $i) { __typename } b: castBallot(input: $j) { __typename } }', 2],
    [
      'an inline fragment',
      'mutation { castBallot(input: $i) { __typename } ... on Mutation { x: castBallot(input: $j) { __typename } } }',
      2,
    ],
    [
      'a fragment spread twice',
      'mutation { ...F ...F } fragment F on Mutation { castBallot(input: $i) { __typename } }',
      2,
    ],
    [
      'nested fields of the same name do not count',
      'query { ballotForm(code: "x") { ... on BallotForm { castBallot: campaignName } } }',
      0,
    ],
  ])('%s', (_name, source, expected) => {
    expect(countIn(source)).toBe(expected);
  });
});

describe('countRootField on fragments that spread each other', () => {
  it('counts a fan-out to 40 levels without expanding it (2^40 calls)', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Mutation { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const source = `mutation { ...F0 } ${fragments} fragment F40 on Mutation { castBallot(input: $i) { __typename } }`;
    expect(countIn(source)).toBe(2 ** 40);
  });
});
