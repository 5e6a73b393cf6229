// Prints the server's GraphQL schema (SDL) by starting a throwaway test server
// and running an introspection query: `node scripts/print-schema.mjs > schema.graphql`.
// Needs the server packages built (`npx turbo run build --filter=@pingyi/testing`).
import { createTestServer } from '@pingyi/testing';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const server = await createTestServer();
try {
  const { data, errors } = await server.gql(getIntrospectionQuery());
  if (errors) throw new Error(JSON.stringify(errors));
  process.stdout.write(`${printSchema(buildClientSchema(data))}\n`);
} finally {
  await server.close();
}
