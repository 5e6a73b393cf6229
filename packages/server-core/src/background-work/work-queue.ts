/** Runs one piece of work by its kind; never rejects for the work's own failure (the handler records it). */
export type WorkRunner = (kind: string, payload: unknown) => Promise<void>;

/**
 * Where background work waits for a worker: in this process
 * ({@link InProcessWorkQueue}, the embedded default) or in Redis, shared by
 * every instance ({@link RedisWorkQueue}, when `REDIS_URL` is set). Payloads
 * are JSON: the work may run on another instance.
 */
export interface WorkQueue {
  /** Starts taking work, once every kind has its handler. */
  start(run: WorkRunner): Promise<void>;
  /** Queues work under an id unique to it (a second submit of the same id is ignored). */
  submit(kind: string, id: string, payload: unknown): Promise<void>;
  /** Whether the work still waits for a worker (not started, not finished). */
  waiting(id: string): Promise<boolean>;
  /** Resolves once the work has run, on whichever instance. */
  finished(id: string): Promise<void>;
  /** Work waiting or running, in the whole queue. */
  length(): Promise<number>;
  /** Takes no more work and waits (up to `graceMs`) for what runs here to end. */
  close(graceMs: number): Promise<void>;
}
