import {
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
} from '@0no-co/graphql.web';
import { type RaRecord } from 'react-admin';
import { type AnyDocument } from './graphql';

/** Values of a react-admin filter or form, as they reach the data provider. */
export type Values = Record<string, unknown>;

/**
 * How react-admin's getList maps onto a list query written with `graphql()`:
 * `data: field(options: $options, filter: $filter, …) { items { … } totalItems }`.
 * Its other variables (e.g. `$campaignId`) are taken out of the react-admin filter.
 */
export interface ListDescriptor {
  readonly document: AnyDocument;
  /** react-admin filter → the server's filter (default: the filter without empty values). */
  readonly filter?: (filter: Values) => Values | undefined;
  /** Fields the server sorts by; a sort on any other field falls back to the server's default order. */
  readonly sortable?: readonly string[];
  /** The query returns a plain array (`data: field { … }`), not a page: paging, sorting and `q` happen here. */
  readonly plain?: boolean;
}

/**
 * A mutation written with `graphql()`, selected as `data: field(…) { …union }`:
 * `$id` is the record's, `$input` comes from the input mapper, any other
 * variable from the form values (or the record before the edit).
 */
export interface MutationDescriptor {
  readonly document: AnyDocument;
  /** Form values (and the record before the edit) → the input. */
  readonly input?: (data: Values, previous?: RaRecord) => Values;
  /** The mutation returns a plain type rather than a result union. */
  readonly plain?: boolean;
}

/**
 * How one react-admin resource maps onto the server's GraphQL API: its
 * documents, written with `graphql()` (so checked against the schema), and
 * the mappers around them. A resource is one small object.
 */
export interface ResourceDescriptor {
  /** The GraphQL type of one record, e.g. `User` (for messages). */
  readonly typeName: string;
  readonly list?: ListDescriptor;
  /** `data: field(id: $id) { … }`, returning the record or null; getMany aliases it with the list's selection. */
  readonly one?: { readonly document: AnyDocument };
  readonly create?: MutationDescriptor;
  /** `$id` and `$input`. */
  readonly update?: MutationDescriptor;
  /** `$id`. */
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
  const entries = Object.entries(filter).filter(
    ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('A descriptor document has no operation');
  return operation;
}

/** The variable names a document declares. */
export function variableNames(document: DocumentNode): string[] {
  return (operationOf(document).variableDefinitions ?? []).map((definition) => definition.variable.name.value);
}

/** Variables other than `reserved`: they are filled from the react-admin filter or form values. */
export function extraVariables(document: DocumentNode, reserved: readonly string[]): string[] {
  return variableNames(document).filter((name) => !reserved.includes(name));
}

function rootField(document: DocumentNode): FieldNode {
  const field = operationOf(document).selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new Error('A descriptor document selects no root field');
  return field;
}

/**
 * `selectionSet` with its fragment spreads replaced by the fragments' own selections: the
 * list's fragment is on the list's type, which the single-record field may not return
 * (`rectificationItem` returns `RectificationItemDetail`), while the fields are on both.
 */
function inlineFragments(selectionSet: SelectionSetNode, document: DocumentNode): SelectionSetNode {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const inline = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) throw new Error(`A descriptor document lacks the fragment ${selection.name.value}`);
        return inline(fragment.selectionSet).selections;
      }
      if (selection.kind === Kind.FIELD && selection.selectionSet)
        return [{ ...selection, selectionSet: inline(selection.selectionSet) }];
      return [selection];
    }),
  });
  return inline(selectionSet);
}

/** The selection of one list record (fragments inlined): inside `items` for a page, the root field's for a plain list. */
function listSelection(list: ListDescriptor): SelectionSetNode | undefined {
  const root = rootField(list.document);
  const items = list.plain
    ? root
    : root.selectionSet?.selections.find(
        (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === 'items',
      );
  return items?.selectionSet && inlineFragments(items.selectionSet, list.document);
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * getMany's document: the single-record field aliased `r0…r{count-1}`, each
 * with its own `$id{k}`, selecting what the list selects (lighter than the
 * detail: 15 details at once may pass the server's cost limit).
 */
export function manyDocument(descriptor: ResourceDescriptor, count: number): DocumentNode {
  const one = descriptor.one;
  if (!one) throw new Error(`The resource type ${descriptor.typeName} has no single-record query`);
  const field = rootField(one.document);
  const fromList = descriptor.list ? listSelection(descriptor.list) : undefined;
  const selectionSet = fromList ?? field.selectionSet;
  const ids = Array.from({ length: count }, (_, k) => `id${k}`);
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: name(`Many${field.name.value.charAt(0).toUpperCase()}${field.name.value.slice(1)}`),
    variableDefinitions: ids.map((id) => ({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: name(id) },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
    })),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ids.map((id, k) => ({
        kind: Kind.FIELD,
        alias: name(`r${k}`),
        name: field.name,
        arguments: [{ kind: Kind.ARGUMENT, name: name('id'), value: { kind: Kind.VARIABLE, name: name(id) } }],
        selectionSet,
      })),
    },
  };
  const fragments: DefinitionNode[] = fromList
    ? []
    : one.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

/** Every document the data provider sends for a descriptor, getMany's (built from `one` and `list`) included. */
export function documentsOf(descriptor: ResourceDescriptor): DocumentNode[] {
  const parts = [descriptor.list, descriptor.one, descriptor.create, descriptor.update, descriptor.delete];
  return [
    ...parts.flatMap((part) => (part ? [part.document] : [])),
    ...(descriptor.one ? [manyDocument(descriptor, 1)] : []),
  ];
}
