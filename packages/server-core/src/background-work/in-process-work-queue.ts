import { type WorkQueue, type WorkRunner } from './work-queue';

interface Entry {
  readonly kind: string;
  readonly id: string;
  readonly payload: unknown;
  readonly done: Promise<void>;
  readonly resolve: () => void;
}

/**
 * Background work run by this process, first come first served, at most
 * `concurrency` at a time. Hand-written: a FIFO and a counter, which no
 * library would make shorter; what it adds over a bare promise is the
 * waiting state, which the caller's heartbeat reads.
 */
export class InProcessWorkQueue implements WorkQueue {
  private readonly queued: Entry[] = [];
  private readonly entries = new Map<string, Entry>();
  private active = 0;
  private run: WorkRunner | undefined;
  private closed = false;

  constructor(private readonly concurrency: number) {}

  start(run: WorkRunner): Promise<void> {
    this.run = run;
    this.pump();
    return Promise.resolve();
  }

  submit(kind: string, id: string, payload: unknown): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the server is stopping'));
    if (this.entries.has(id)) return Promise.resolve();
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const entry = { kind, id, payload, done, resolve };
    this.entries.set(id, entry);
    this.queued.push(entry);
    this.pump();
    return Promise.resolve();
  }

  waiting(id: string): Promise<boolean> {
    return Promise.resolve(this.queued.some((entry) => entry.id === id));
  }

  finished(id: string): Promise<void> {
    return this.entries.get(id)?.done ?? Promise.resolve();
  }

  length(): Promise<number> {
    return Promise.resolve(this.entries.size);
  }

  async close(graceMs: number): Promise<void> {
    this.closed = true;
    // work not started is dropped: its owner's heartbeat stops, and the sweep marks it interrupted
    for (const entry of this.queued.splice(0)) {
      this.entries.delete(entry.id);
      entry.resolve();
    }
    const running = [...this.entries.values()].map((entry) => entry.done);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]).finally(() => clearTimeout(timer));
  }

  private pump(): void {
    const run = this.run;
    if (!run) return;
    while (this.active < this.concurrency) {
      const entry = this.queued.shift();
      if (!entry) return;
      this.active += 1;
      void run(entry.kind, entry.payload)
        .catch(() => undefined)
        .finally(() => {
          this.active -= 1;
          this.entries.delete(entry.id);
          entry.resolve();
          this.pump();
        });
    }
  }
}
