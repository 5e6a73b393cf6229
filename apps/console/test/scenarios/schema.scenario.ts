import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { expect, it } from 'vitest';
import { documentsOf } from '../../src/data/resource-descriptor';
import { RESOURCE_DESCRIPTORS } from '../../src/resources';
import { type SuiteContext } from '../suite-context';

// Every *.queries.ts module of the console: the documents its pages send.
const QUERY_MODULES = import.meta.glob<Record<string, unknown>>('../../src/**/*.queries.ts', { eager: true });

/** Every GraphQL document the console can send, checked against the running server's schema. */
export function schemaScenario(ctx: SuiteContext): void {
  it("sends only documents the server's schema accepts", async () => {
    const { data, errors } = await ctx.server.gql(getIntrospectionQuery(), {}, await ctx.server.adminToken());
    expect(errors).toBeUndefined();
    const schema = buildClientSchema(data);
    const documents: [string, string][] = [];
    for (const [file, module] of Object.entries(QUERY_MODULES)) {
      for (const [name, value] of Object.entries(module))
        if (typeof value === 'string' && /^\s*(query|mutation)\b/.test(value))
          documents.push([`${file}#${name}`, value]);
    }
    for (const [resource, descriptor] of Object.entries(RESOURCE_DESCRIPTORS))
      documentsOf(descriptor).forEach((doc, i) => documents.push([`${resource}[${i}]`, doc]));
    expect(documents.length).toBeGreaterThan(30);
    const invalid = documents
      .map(([where, doc]) => [where, validate(schema, parse(doc)).map((e) => e.message)] as const)
      .filter(([, messages]) => messages.length > 0);
    expect(invalid).toEqual([]);
  });
}
