import {
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLError,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Items assumed for a list field whose size no argument bounds. */
export const ASSUMED_LIST_SIZE = 20;
const MAX_LIST_SIZE = 100;

/** What {@link measureOperation} found, fragments counted at every place they are spread. */
export interface OperationMeasure {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly rootFields: number;
  readonly cost: number;
}

/** The measure of one selection set, relative to where it stands (multiplier 1, depth 0). */
interface SetMeasure {
  depth: number;
  aliases: number;
  directives: number;
  /** Fields directly in the set, through fragments and inline fragments. */
  fields: number;
  cost: number;
}

const empty = (): SetMeasure => ({ depth: 0, aliases: 0, directives: 0, fields: 0, cost: 0 });

function addInto(total: SetMeasure, part: SetMeasure): void {
  total.depth = Math.max(total.depth, part.depth);
  total.aliases += part.aliases;
  total.directives += part.directives;
  total.fields += part.fields;
  total.cost += part.cost;
}

const countDirectives = (directives: readonly DirectiveNode[] | undefined): number => directives?.length ?? 0;

/** A refused fragment cycle: `A spreads B, which spreads A`. */
function fragmentCycleError(names: readonly string[]): GraphQLError {
  const path = names.slice(1).map((name, i) => (i === 0 ? `spreads ${name}` : `which spreads ${name}`));
  return new GraphQLError(`Fragment cycle: ${names[0]} ${path.join(', ')} (a fragment may not spread itself)`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/**
 * Measures the operations of one document against the schema: depth, aliases,
 * directives, root fields and an estimated cost where a list is as long as its
 * `take`/`first`/`count` argument (or `options.take` on the field that returns
 * a page) says. Each fragment is measured once (per page size it inherits) and
 * reused wherever it is spread, so the work is linear in the document even when
 * fragments spread each other many times over; a fragment that spreads itself
 * (directly or not) is refused with a `GraphQLError`. The document need not be
 * validated yet: unknown fields and fragments are measured as far as they go.
 * Without a schema only the structure is meaningful (every field costs 1).
 */
export function createOperationMeasurer(
  schema: GraphQLSchema | undefined,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
): (operation: OperationDefinitionNode) => OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SetMeasure>();
  const spreading: string[] = [];

  const fragmentMeasure = (name: string, pendingSize: number | null, priced: boolean): SetMeasure => {
    const fragment = fragments.get(name);
    if (!fragment) return empty(); // validation names the unknown fragment
    const open = spreading.indexOf(name);
    if (open >= 0) throw fragmentCycleError([...spreading.slice(open), name]);
    const key = `${name}\u0000${pendingSize ?? ''}\u0000${priced}`;
    const known = measured.get(key);
    if (known) return known;
    spreading.push(name);
    const type = schema?.getType(fragment.typeCondition.name.value);
    const result = setMeasure(
      fragment.selectionSet,
      type && isCompositeType(type) ? type : undefined,
      pendingSize,
      priced,
    );
    result.directives += countDirectives(fragment.directives);
    spreading.pop();
    measured.set(key, result);
    return result;
  };

  // `priced`: false inside introspection fields, which are free (no depth, no cost)
  const setMeasure = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    pendingSize: number | null,
    priced: boolean,
  ): SetMeasure => {
    const total = empty();
    for (const selection of set.selections) {
      total.directives += countDirectives(selection.directives);
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        addInto(total, fragmentMeasure(selection.name.value, pendingSize, priced));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema?.getType(selection.typeCondition.name.value) : parent;
        addInto(
          total,
          setMeasure(
            selection.selectionSet,
            condition && isCompositeType(condition) ? condition : undefined,
            pendingSize,
            priced,
          ),
        );
        continue;
      }
      total.fields += 1;
      if (selection.alias) total.aliases += 1;
      const name = selection.name.value;
      const free = !priced || name.startsWith('__'); // introspection and __typename are free
      if (!free) {
        total.cost += 1;
        total.depth = Math.max(total.depth, 1);
      }
      if (!selection.selectionSet) continue;
      const field =
        !free && parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      let child: GraphQLCompositeType | undefined;
      let multiplier = 1;
      let childPendingSize: number | null = null;
      if (field) {
        const size = listSizeArgument(field, selection, variables) ?? pendingSize;
        const named = getNamedType(field.type);
        child = isCompositeType(named) ? named : undefined;
        if (isListType(getNullableType(field.type))) multiplier = size ?? ASSUMED_LIST_SIZE;
        else childPendingSize = size;
      }
      const inner = setMeasure(selection.selectionSet, child, childPendingSize, !free);
      total.aliases += inner.aliases;
      total.directives += inner.directives;
      if (!free) {
        total.depth = Math.max(total.depth, 1 + inner.depth);
        total.cost += multiplier * inner.cost;
      }
    }
    return total;
  };

  return (operation) => {
    const root =
      operation.operation === 'mutation'
        ? schema?.getMutationType()
        : operation.operation === 'subscription'
          ? schema?.getSubscriptionType()
          : schema?.getQueryType();
    const measure = setMeasure(operation.selectionSet, root ?? undefined, null, true);
    const variableDirectives = (operation.variableDefinitions ?? []).reduce(
      (sum, definition) => sum + countDirectives(definition.directives),
      0,
    );
    return {
      depth: measure.depth,
      aliases: measure.aliases,
      directives: measure.directives + countDirectives(operation.directives) + variableDirectives,
      rootFields: measure.fields,
      cost: measure.cost,
    };
  };
}

/** Measures one operation of `document` (see {@link createOperationMeasurer}). */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasure {
  return createOperationMeasurer(schema, document, variables)(operation);
}

function listSizeArgument(
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Readonly<Record<string, unknown>>,
): number | null {
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables as Record<string, unknown>);
  } catch {
    return null; // bad arguments are reported by execution with a proper message
  }
  const options = values.options as { take?: unknown } | undefined;
  const raw = values.take ?? values.first ?? values.count ?? options?.take;
  return typeof raw === 'number' && Number.isFinite(raw) ? Math.min(Math.max(raw, 0), MAX_LIST_SIZE) : null;
}
