import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Limits on one GraphQL operation, checked before it runs. */
export interface QueryLimits {
  /** Deepest nesting of fields (introspection fields excepted). */
  readonly maxDepth: number;
  /** Aliased fields in the operation (aliases can repeat an expensive field or a login). */
  readonly maxAliases: number;
  /** Fields at the root of the operation. */
  readonly maxRootFields: number;
  /** Estimated cost: every field costs 1 for each item of the lists around it. */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 15, maxRootFields: 20, maxCost: 20_000 };

/** Items assumed for a list field whose size no argument bounds. */
export const ASSUMED_LIST_SIZE = 20;
const MAX_LIST_SIZE = 100;

/** What {@link measureOperation} found. */
export interface OperationMeasure {
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
  readonly cost: number;
}

/**
 * Measures an operation against the schema: depth, aliases, root fields and
 * an estimated cost where a list is as long as its `take`/`first`/`count`
 * argument (or `options.take` on the field that returns a page) says.
 * Fragments are expanded where they are spread. Assumes the document is valid.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let depth = 0;
  let aliases = 0;
  let cost = 0;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, level: number, multiplier: number, pendingSize: number | null): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, level, multiplier, pendingSize);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue; // introspection and __typename are free
      if (selection.alias) aliases += 1;
      depth = Math.max(depth, level);
      cost += multiplier;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field || !selection.selectionSet) continue;
      const size = listSizeArgument(field, selection, variables) ?? pendingSize;
      const returnsList = isListType(getNullableType(field.type));
      const child = getNamedType(field.type);
      if (!isCompositeType(child)) continue;
      if (returnsList) walk(selection.selectionSet, child, level + 1, multiplier * (size ?? ASSUMED_LIST_SIZE), null);
      else walk(selection.selectionSet, child, level + 1, multiplier, size);
    }
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const rootFields = operation.selectionSet.selections.length;
  if (root) walk(operation.selectionSet, root, 1, 1, null);
  return { depth, aliases, rootFields, cost };
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

/** The first limit an operation breaks, as a message naming the limit, else `null`. */
export function checkQueryLimits(measure: OperationMeasure, limits: QueryLimits = DEFAULT_QUERY_LIMITS): string | null {
  if (measure.depth > limits.maxDepth) return `Query is too deep: ${measure.depth} levels, the limit is ${limits.maxDepth}`;
  if (measure.aliases > limits.maxAliases) return `Query uses too many aliases: ${measure.aliases}, the limit is ${limits.maxAliases}`;
  if (measure.rootFields > limits.maxRootFields) return `Query asks for too many root fields: ${measure.rootFields}, the limit is ${limits.maxRootFields}`;
  if (measure.cost > limits.maxCost) return `Query is too expensive: estimated cost ${measure.cost}, the limit is ${limits.maxCost}`;
  return null;
}
