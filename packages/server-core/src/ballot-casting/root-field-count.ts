import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How many times the root field `name` appears in an operation, aliases and
 * fragments included: `castBallot` and `ballotForm` are refused when a request
 * packs several guesses into one operation.
 */
export function countRootField(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  name: string,
): number {
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) total += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        // a fragment spread twice counts twice; a cycle is invalid GraphQL and stops here
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          total += count(fragment.selectionSet);
          seen.delete(fragment.name.value);
        }
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}
