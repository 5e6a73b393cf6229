import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How many times the root field `name` appears in an operation, aliases and
 * fragments included (a fragment spread twice counts twice): `castBallot` and
 * `ballotForm` are refused when a request packs several guesses into one
 * operation. Each fragment is counted once and the count reused wherever it
 * is spread, so fragments spreading each other cost linear work.
 */
export function countRootField(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  name: string,
): number {
  const counted = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) total += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment) continue;
        let times = counted.get(fragment.name.value);
        if (times === undefined) {
          counted.set(fragment.name.value, 0); // a cycle (refused before execution anyway) stops here
          times = count(fragment.selectionSet);
          counted.set(fragment.name.value, times);
        }
        total += times;
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}
