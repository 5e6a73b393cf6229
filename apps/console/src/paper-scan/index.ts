/** Printed sheets and scanned paper batches: print runs, the review of doubtful marks, the transcription of opinions. */
export { PrintRunsPanel } from './PrintRunsPanel';
export { ScanBatchSection } from './ScanBatchSection';
