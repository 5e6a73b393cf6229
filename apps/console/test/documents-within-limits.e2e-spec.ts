import { checkDocument, checkQueryLimits, DEFAULT_QUERY_LIMITS, measureOperation } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../src/data/data-provider';
import { GraphqlClient } from '../src/data/graphql-client';
import { echoTranslate, fakeFetch } from '../src/data/test-fetch';
import { castBallot, fetchBallotForm } from '../src/public-ballot/public-ballot.api';
import { RESOURCE_DESCRIPTORS } from '../src/resources';
import { descriptorDocuments, queryModuleDocuments } from './console-documents';

// Every document the console and the public ballot page send stays within the
// server's query limits (size, tokens, depth, aliases, directives, root fields)
// and, with the page size each list asks for, within the cost limit, measured
// by the server's own functions against its schema. No browser.

// one graphql for the test and the server's functions (the CommonJS one Nest uses)
vi.mock('graphql', async () => (await import('node:module')).createRequire(__filename)('graphql'));

// the largest page the console asks for of each list: `perPage` of its page or picker (the campaign switch reads 50,
// the unit lists 500, which the server counts as its cap of 100); a picker (ReferenceInput) reads react-admin's 25
// and a list page may be set to 25 as well, so no list is measured with fewer than 25 rows
const PAGE_SIZES: Readonly<Record<string, number>> = { campaigns: 50, auditLog: 50, opinions: 50, units: 500 };
const DEFAULT_PAGE = 25;
/** A value of `type` for a variable (the cost reads `take` from the variables; the other values only have to coerce). */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.type)]));
  }
  return ({ Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[type.name] ?? '1';
}

function sampleVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  take: number,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    variables[name] = name === 'options' ? { skip: 0, take } : type ? sampleValue(type) : null;
  }
  return variables;
}

/** Documents the data provider and the ballot page build at run time, captured from a fake fetch. */
async function sentDocuments(): Promise<[string, string][]> {
  const sent: [string, string][] = [];
  for (const [resource, descriptor] of Object.entries(RESOURCE_DESCRIPTORS)) {
    if (!descriptor.one) continue;
    const fake = fakeFetch(Array.from({ length: 10 }, () => ({ data: {} })));
    const provider = createDataProvider(
      new GraphqlClient({ getToken: () => 't', translate: echoTranslate, fetch: fake.fetch }),
      RESOURCE_DESCRIPTORS,
    );
    await provider
      .getMany(resource, { ids: Array.from({ length: 40 }, (_, i) => String(i + 1)) })
      .catch(() => undefined);
    fake.requests.forEach((request, i) => sent.push([`${resource} getMany[${i}]`, request.query]));
  }
  const ballot = fakeFetch([{ data: null }, { data: null }]);
  await fetchBallotForm('code', ballot.fetch);
  await castBallot({} as never, ballot.fetch);
  ballot.requests.forEach((request, i) => sent.push([`public ballot[${i}]`, request.query]));
  return sent;
}

describe("console documents within the server's query limits", () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await createTestServer();
    const { data, errors } = await server.gql(getIntrospectionQuery(), {}, await server.adminToken());
    expect(errors).toBeUndefined();
    schema = buildClientSchema(data);
  });
  afterAll(() => server?.close());

  it('sends only documents within every limit', async () => {
    // (documents live only in *.queries.ts and the descriptors: ESLint refuses `graphql()` and string documents elsewhere)
    const documents: [string, string][] = queryModuleDocuments();
    const pages = new Map<string, number>();
    for (const [resource, where, doc] of descriptorDocuments()) {
      documents.push([where, doc]);
      pages.set(doc, PAGE_SIZES[resource] ?? DEFAULT_PAGE);
    }
    documents.push(...(await sentDocuments()));
    expect(documents.length).toBeGreaterThan(60);
    expect(documents.filter(([where]) => where.includes('getMany')).length).toBeGreaterThan(3);

    const refused = documents.flatMap(([where, source]) => {
      const early = checkDocument(source, DEFAULT_QUERY_LIMITS);
      if (early) return [`${where}: ${early.message}`];
      const document = parse(source);
      return document.definitions.flatMap((definition) => {
        if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
        const variables = sampleVariables(schema, definition, pages.get(source) ?? DEFAULT_PAGE);
        const problem = checkQueryLimits(
          measureOperation(schema, document, definition, variables),
          DEFAULT_QUERY_LIMITS,
        );
        return problem ? [`${where}: ${problem}`] : [];
      });
    });
    expect(refused).toEqual([]);
  });
});
