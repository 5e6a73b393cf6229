import { type RaRecord } from 'react-admin';

/** Values of a react-admin filter or form, as they reach the data provider. */
export type Values = Record<string, unknown>;

/** A top-level argument of a query or mutation: its GraphQL type and where its value comes from. */
export interface ArgSpec {
  /** GraphQL type of the variable, e.g. `ID!`, `UserListFilter`. */
  readonly type: string;
}

/** How react-admin's getList maps onto a `PaginatedList` query (`items`, `totalItems`). */
export interface ListDescriptor {
  /** The query field, e.g. `users`. */
  readonly query: string;
  /** The type of its `filter` argument; omit when the query takes none. */
  readonly filterType?: string;
  /** Top-level arguments taken out of the react-admin filter (e.g. `campaignId: 'ID!'`). */
  readonly args?: Readonly<Record<string, string>>;
  /** react-admin filter → the server's filter (default: the filter without empty values). */
  readonly filter?: (filter: Values) => Values | undefined;
  /** Fields the server sorts by; a sort on any other field falls back to the server's default order. */
  readonly sortable?: readonly string[];
  /** The query returns a plain array, not a page (short lists): paging, sorting and `q` happen here. */
  readonly plain?: boolean;
}

/** A mutation: its field, the `input` type, and how form values become that input. */
export interface MutationDescriptor {
  readonly mutation: string;
  /** GraphQL type of `input` (e.g. `CreateUserInput!`); omit when the mutation takes no input. */
  readonly inputType?: string;
  /** Form values (and the record before the edit) → the input. */
  readonly input?: (data: Values, previous?: RaRecord) => Values;
  /** Extra top-level arguments from the form values, e.g. `{ campaignId: 'ID!' }`. */
  readonly args?: Readonly<Record<string, string>>;
  /** The success member of the union (default the descriptor's `typeName`). */
  readonly successType?: string;
  /** Selection of the success member (default the descriptor's `fields`). */
  readonly successFields?: string;
  /** The mutation returns a plain type rather than a result union. */
  readonly plain?: boolean;
}

/**
 * How one react-admin resource maps onto the server's GraphQL API. The data
 * provider builds every operation from this; a resource is one small object.
 */
export interface ResourceDescriptor {
  /** The GraphQL type of one record, e.g. `User`. */
  readonly typeName: string;
  /** Selection set of one record, without braces. */
  readonly fields: string;
  /** A lighter selection for list pages (default `fields`). */
  readonly listFields?: string;
  readonly list?: ListDescriptor;
  /** `query(id: ID!)`, returning the record or null. */
  readonly one?: { readonly query: string };
  readonly create?: MutationDescriptor;
  /** `mutation(id: ID!, input: ...)`. */
  readonly update?: MutationDescriptor;
  /** `mutation(id: ID!)`. */
  readonly delete?: MutationDescriptor;
  /**
   * Renames a form field the server named (`policyJson.scale.0.points` →
   * `scale.0.points`) when the form edits the record in another shape.
   */
  readonly formField?: (field: string) => string | null;
  /** Server record → react-admin record (default unchanged). */
  readonly record?: (raw: Values) => RaRecord;
}

/** Keeps only values a server filter can take: no empty strings, undefined or empty arrays. */
export function compactFilter(filter: Values): Values | undefined {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** `query Name($a: T, ...) { data: field(a: $a, ...) SELECTION }` */
export function buildOperation(kind: 'query' | 'mutation', name: string, field: string, args: Readonly<Record<string, string>>, selection: string): string {
  const names = Object.keys(args);
  const variables = names.length ? `(${names.map((arg) => `$${arg}: ${args[arg]}`).join(', ')})` : '';
  const passed = names.length ? `(${names.map((arg) => `${arg}: $${arg}`).join(', ')})` : '';
  return `${kind} ${name}${variables} { data: ${field}${passed} { ${selection} } }`;
}

/** Selection of a result union: the success member's fields, or the error result. */
export function unionSelection(successType: string, fields: string): string {
  return `__typename ... on ${successType} { ${fields} } ... on ErrorResult { errorCode message path messageKey messageParamsJson }`;
}

/** `PascalCase` of a field name for operation names (`users` → `Users`). */
export function operationName(prefix: string, field: string): string {
  return `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/** Argument types of a mutation: `id` for update/delete, declared extra args, and `input`. */
export function mutationArgTypes(spec: MutationDescriptor, withId: boolean): Record<string, string> {
  return { ...(withId ? { id: 'ID!' } : {}), ...(spec.args ?? {}), ...(spec.inputType ? { input: spec.inputType } : {}) };
}

/** The document of a descriptor's mutation. */
export function mutationDocument(descriptor: ResourceDescriptor, spec: MutationDescriptor, argTypes: Readonly<Record<string, string>>): string {
  const successFields = spec.successFields ?? descriptor.fields;
  const selection = spec.plain ? successFields : unionSelection(spec.successType ?? descriptor.typeName, successFields);
  return buildOperation('mutation', operationName('Run', spec.mutation), spec.mutation, argTypes, selection);
}

/** The document of a descriptor's list query (a page, or a plain list). */
export function listDocument(descriptor: ResourceDescriptor, list: ListDescriptor): string {
  const argTypes: Record<string, string> = { ...(list.args ?? {}) };
  const fields = descriptor.listFields ?? descriptor.fields;
  if (list.plain) return buildOperation('query', operationName('All', list.query), list.query, argTypes, fields);
  argTypes.options = 'ListOptions';
  if (list.filterType) argTypes.filter = list.filterType;
  return buildOperation('query', operationName('List', list.query), list.query, argTypes, `items { ${fields} } totalItems`);
}

/** The document of a descriptor's single-record query. */
export function oneDocument(descriptor: ResourceDescriptor, one: { query: string }): string {
  return buildOperation('query', operationName('One', one.query), one.query, { id: 'ID!' }, descriptor.fields);
}

/** Every document the data provider sends for a descriptor (checked against the server's schema by the e2e suite). */
export function documentsOf(descriptor: ResourceDescriptor): string[] {
  const out: string[] = [];
  if (descriptor.list) out.push(listDocument(descriptor, descriptor.list));
  if (descriptor.one) out.push(oneDocument(descriptor, descriptor.one));
  if (descriptor.create) out.push(mutationDocument(descriptor, descriptor.create, mutationArgTypes(descriptor.create, false)));
  if (descriptor.update) out.push(mutationDocument(descriptor, descriptor.update, mutationArgTypes(descriptor.update, true)));
  if (descriptor.delete) out.push(mutationDocument(descriptor, descriptor.delete, mutationArgTypes(descriptor.delete, true)));
  return out;
}
