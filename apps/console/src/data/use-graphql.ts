import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import { type MutationDocument, type MutationSuccess, type PingyiDataProvider } from './data-provider';
import { type AnyDocument, type ResultOf, type VariablesOf } from './graphql';

/**
 * A GraphQL query for a custom page, cached by react-query under `key`
 * (pages that edit the same data invalidate the same key). A query that is
 * not `enabled` (the caller may not see it, or lacks what it needs) is not
 * pending: it will never answer, so no page waits for it.
 */
export function useGraphqlQuery<D extends AnyDocument>(
  key: readonly unknown[],
  document: D,
  variables: VariablesOf<D>,
  enabled = true,
): UseQueryResult<ResultOf<D>> {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  // `enabled` must be a boolean: `canAccess && …` is undefined while access is checked, and an
  // undefined argument takes the default (true); the caller writes `=== true`
  const on = enabled === true;
  const result = useQuery({
    queryKey: ['pingyi', ...key, variables],
    queryFn: ({ signal }) => dataProvider.graphql(document, variables, signal),
    enabled: on,
  });
  // delegate, not spread: react-query tracks the fields a component reads
  return on
    ? result
    : (Object.assign(Object.create(result) as object, { isPending: false, isLoading: false }) as UseQueryResult<
        ResultOf<D>
      >);
}

/**
 * A mutation whose result is a union (`data: field(...) { ... }`): resolves
 * with the success member; on success it notifies `successMessage` and
 * refreshes the queries under `invalidate`; an error result is notified
 * with its readable message and rethrown for forms to show next to fields.
 */
export function useGraphqlMutation<D extends MutationDocument>(
  document: D,
  options: {
    invalidate?: readonly (readonly unknown[])[];
    invalidateResources?: readonly string[];
    successMessage?: string;
    notifyErrors?: boolean;
  } = {},
) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (variables: VariablesOf<D>): Promise<MutationSuccess<D>> => dataProvider.mutate(document, variables),
    onSuccess: async () => {
      await Promise.all([
        ...(options.invalidate ?? []).map((key) => queryClient.invalidateQueries({ queryKey: ['pingyi', ...key] })),
        ...(options.invalidateResources ?? []).map((resource) =>
          queryClient.invalidateQueries({ queryKey: [resource] }),
        ),
      ]);
      if (options.successMessage) notify(options.successMessage, { type: 'success' });
    },
    onError: (error: Error) => {
      if (options.notifyErrors !== false) notify(error.message, { type: 'error' });
    },
  });
}
