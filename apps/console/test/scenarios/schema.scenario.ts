import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { expect, it } from 'vitest';
import { descriptorDocuments, queryModuleDocuments } from '../console-documents';
import { type SuiteContext } from '../suite-context';

/** Every GraphQL document the console can send, checked against the running server's schema. */
export function schemaScenario(ctx: SuiteContext): void {
  it("sends only documents the server's schema accepts", async () => {
    const { data, errors } = await ctx.server.gql(getIntrospectionQuery(), {}, await ctx.server.adminToken());
    expect(errors).toBeUndefined();
    const schema = buildClientSchema(data);
    const documents: [string, string][] = [
      ...queryModuleDocuments(),
      ...descriptorDocuments().map(([, where, doc]) => [where, doc] as [string, string]),
    ];
    expect(documents.length).toBeGreaterThan(30);
    const invalid = documents
      .map(([where, doc]) => [where, validate(schema, parse(doc)).map((e) => e.message)] as const)
      .filter(([, messages]) => messages.length > 0);
    expect(invalid).toEqual([]);
  });
}
