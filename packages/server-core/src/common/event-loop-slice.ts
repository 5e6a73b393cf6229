import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a long piece of work may hold the event loop before it lets other requests in. */
export const SLICE_MS = 8;

/**
 * Time slices for long work on the event loop (checking 30,000 keyed rows,
 * opening a full ballot box, writing a batch on SQLite): call {@link pause}
 * often; once the work has held the loop for {@link SLICE_MS}, it waits one
 * turn, so health checks and other requests are answered meanwhile.
 */
export class EventLoopSlice {
  private started = performance.now();

  /** Whether the slice is used up (for synchronous loops that then await {@link pause}). */
  get due(): boolean {
    return performance.now() - this.started > SLICE_MS;
  }

  async pause(): Promise<void> {
    if (!this.due) return;
    await nextTurn();
    this.started = performance.now();
  }
}
