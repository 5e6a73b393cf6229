import { type VariablesOf } from '../data/graphql';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify, useRefresh } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { REVIEW_OPINION } from './opinions.queries';
import { PhaseGate } from '../phase-gate';

/** Sets the review status of every selected opinion. */
export function BulkReviewButton({ status }: { status: VariablesOf<typeof REVIEW_OPINION>['status'] }) {
  // the list's own unselect: the selection is kept under the list's storeKey, not the resource
  const { selectedIds, onUnselectItems: unselectAll } = useListContext();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    let done = 0;
    try {
      for (const id of selectedIds) {
        await dataProvider.mutate(REVIEW_OPINION, { id, status });
        done += 1;
      }
      notify('pingyi.opinions.reviewed', { type: 'success', messageArgs: { smart_count: done } });
      unselectAll();
    } catch (error) {
      notify('pingyi.opinions.review_failed', {
        type: 'error',
        messageArgs: { done, message: (error as Error).message },
      });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <PhaseGate action="reviewOpinions">
      <Button label={`pingyi.opinions.mark.${status}`} disabled={busy} onClick={() => void run()} />
    </PhaseGate>
  );
}
