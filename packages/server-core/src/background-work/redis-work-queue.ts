import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { PingyiError } from '@pingyi/domain';
import Redis from 'ioredis';
import { type WorkQueue, type WorkRunner } from './work-queue';

const QUEUE = 'work';
const WAITING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);
/** A finished job is kept this long, so that a caller waiting on it finds how it ended. */
const KEEP_FINISHED = { age: 3_600, count: 1_000 };
const READY_TIMEOUT_MS = 15_000;

/**
 * Background work in Redis (bullmq), taken by whichever instance has a free
 * worker. A job whose instance dies is not run again (`maxStalledCount: 0`):
 * the work's own heartbeat lapses and the sweep marks it interrupted, as on
 * one instance. `prefix` keeps deployments sharing one Redis apart.
 */
export class RedisWorkQueue implements WorkQueue {
  /** Every connection made (bullmq leaves the ones it is given open). */
  private readonly connections: Redis[] = [];
  private readonly queue: Queue;
  private events: QueueEvents | undefined;
  private worker: Worker | undefined;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly warn: (message: string) => void,
  ) {
    this.queue = new Queue(QUEUE, { connection: this.connect(), prefix });
    this.queue.on('error', (error: Error) => this.warn(`background-work queue: ${error.message}`));
  }

  // One per bullmq object: workers and event readers block on theirs, with no retry limit per request (bullmq's advice).
  private connect(): Redis {
    const connection = new Redis(this.url, { maxRetriesPerRequest: null, lazyConnect: true });
    // ioredis prints an unheard error with its stack; reconnecting is its own business
    connection.on('error', (error: Error) => this.warn(`Redis: ${error.message}`));
    this.connections.push(connection);
    return connection;
  }

  async start(run: WorkRunner): Promise<void> {
    // a server that cannot reach its queue stops at start, saying so, rather than waiting without end
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.waitUntilReady(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw new PingyiError(
        'INVALID_CONFIG',
        `Redis cannot be reached (${error instanceof Error ? error.message : String(error)}); background work waits there`,
        'REDIS_URL',
      );
    } finally {
      clearTimeout(timer);
    }
    if (this.concurrency === 0) return;
    this.worker = new Worker(QUEUE, (job) => run(job.name, job.data), {
      connection: this.connect(),
      prefix: this.prefix,
      concurrency: this.concurrency,
      maxStalledCount: 0,
    });
    this.worker.on('error', (error: Error) => this.warn(`background-work worker: ${error.message}`));
    await this.worker.waitUntilReady();
  }

  async submit(kind: string, id: string, payload: unknown): Promise<void> {
    await this.queue.add(kind, payload, {
      jobId: id,
      attempts: 1,
      removeOnComplete: KEEP_FINISHED,
      removeOnFail: KEEP_FINISHED,
    });
  }

  async waiting(id: string): Promise<boolean> {
    return WAITING.has(await this.queue.getJobState(id));
  }

  async finished(id: string): Promise<void> {
    const job = await Job.fromId(this.queue, id);
    if (!job) return;
    if (!this.events) {
      this.events = new QueueEvents(QUEUE, { connection: this.connect(), prefix: this.prefix });
      this.events.on('error', (error: Error) => this.warn(`background-work events: ${error.message}`));
    }
    await this.events.waitUntilReady();
    // a failed job rejects here; the work records its own outcome, so the caller only waits
    await job.waitUntilFinished(this.events).catch(() => undefined);
  }

  async length(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  async close(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const graceful = this.worker?.close() ?? Promise.resolve();
    const ended = await Promise.race([
      graceful.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]).finally(() => clearTimeout(timer));
    if (!ended) await this.worker?.close(true);
    await this.events?.close();
    await this.queue.close();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
