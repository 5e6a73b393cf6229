import { type DocumentNode, print } from '@0no-co/graphql.web';
import { initGraphQLTada, type ResultOf, type TadaDocumentNode, type VariablesOf } from 'gql.tada';
import { type introspection } from '../graphql-env';

/**
 * The one way the console writes a GraphQL document. The document's result
 * and variable types come from the checked-in `schema.graphql` (introspected
 * into `graphql-env.d.ts` by `npm run schema:update`), and `npm run typecheck`
 * (`gql.tada check`) refuses a field, argument or type the schema lacks.
 * Masking is off: pages read the fields of the fragments they spread.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf };

/** Any typed document (the provider and hooks infer its result and variables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDocument = TadaDocumentNode<any, any>;

/** The error member every result union shares; spread it next to the success member. */
export const ERROR_RESULT = graphql(
  `fragment ErrorResultFields on ErrorResult { errorCode message path messageKey messageParamsJson }`,
);

/** A union value without its error members (what `mutate` resolves with). */
export type Success<T> = Exclude<T, { __typename: `${string}Error` }>;

const printed = new WeakMap<DocumentNode, string>();

/** The text sent over fetch, printed once per document. */
export function documentText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}
