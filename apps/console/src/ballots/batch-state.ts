/**
 * The translation key of a paper batch's state. A scanned batch that is
 * still open is collecting scans, not waiting for a keyed file.
 */
export const batchStateKey = (batch: { state: string; scanned?: boolean | null }): string =>
  `pingyi.paper.states.${batch.scanned && batch.state === 'open' ? 'collectingScans' : batch.state}`;
