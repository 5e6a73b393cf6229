import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { Transactions } from '../database/transactions';
import { describeError } from '../logging/describe-error';
import { PingyiMetrics } from '../metrics/pingyi-metrics.service';
import { InProcessWorkQueue } from './in-process-work-queue';
import { RedisWorkQueue } from './redis-work-queue';
import { type WorkQueue } from './work-queue';

/** What runs one kind of work; its payload is JSON, built by whoever submitted it, perhaps on another instance. */
export type WorkHandler<P> = (payload: P) => Promise<void>;

export interface SubmitOptions {
  /** Resolve once the work has run, wherever it ran (the caller's answer depends on it). */
  readonly wait?: boolean;
  /** Called every second while the work waits for a worker (the paper import keeps its batch's heartbeat). */
  readonly whileWaiting?: () => Promise<void>;
}

const WAITING_BEAT_MS = 1_000;
/** How long a stopping server lets running work end before it leaves it (its heartbeat then lapses). */
const CLOSE_GRACE_MS = 10_000;
/** The deployment's id in `server_setting`: the prefix of its queue in a Redis other deployments may share. */
const DEPLOYMENT_KEY = 'deploymentId';

/**
 * Long work taken off the request (paper checking and import): in this
 * process by default, in a Redis queue that every instance takes work from
 * when `REDIS_URL` is set. `PINGYI_WORKERS` sets how many pieces of work one
 * instance runs at once; 0 makes an instance that only answers requests.
 * Features define their kinds of work when they are built and submit them by
 * id; the queue starts once the application has.
 */
@Injectable()
export class BackgroundWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BackgroundWork');
  private readonly handlers = new Map<string, WorkHandler<never>>();
  private queue: WorkQueue | undefined;
  private starting: Promise<WorkQueue> | undefined;

  constructor(
    @Inject(PINGYI_CONFIG) private readonly config: Pick<PingyiConfig, 'redisUrl' | 'workers'>,
    private readonly tx: Transactions,
    metrics: PingyiMetrics,
  ) {
    metrics.registerWorkQueue(async () => (this.queue ? this.queue.length() : 0));
  }

  /** Declares what runs work of `kind` (once per kind, while the application is built). */
  define<P>(kind: string, handler: WorkHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`background work "${kind}" is defined twice`);
    this.handlers.set(kind, handler as WorkHandler<never>);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.started();
  }

  // before the database closes: the work running here still writes
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue?.close(CLOSE_GRACE_MS);
  }

  /** Queues work; `id` names it uniquely (a keying, a batch's import). */
  async submit(kind: string, id: string, payload: unknown, options: SubmitOptions = {}): Promise<void> {
    if (!this.handlers.has(kind)) throw new Error(`background work "${kind}" is not defined`);
    const queue = await this.started();
    await queue.submit(kind, id, payload);
    // the beat never rejects: it runs on after the caller has its answer
    const beat = options.whileWaiting ? this.beatWhileWaiting(queue, id, options.whileWaiting) : Promise.resolve();
    if (options.wait) await Promise.all([queue.finished(id), beat]);
  }

  private async beatWhileWaiting(queue: WorkQueue, id: string, beat: () => Promise<void>): Promise<void> {
    while (await queue.waiting(id).catch(() => false)) {
      await beat().catch((error: unknown) => this.logger.warn(`heartbeat of ${id} failed: ${describeError(error)}`));
      await new Promise((resolve) => setTimeout(resolve, WAITING_BEAT_MS));
    }
  }

  private started(): Promise<WorkQueue> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<WorkQueue> {
    const queue = this.config.redisUrl
      ? new RedisWorkQueue(
          this.config.redisUrl,
          `pingyi:${await this.deploymentId()}`,
          this.config.workers,
          (message) => this.warnOnce(message),
        )
      : new InProcessWorkQueue(this.config.workers);
    await queue.start((kind, payload) => this.run(kind, payload));
    this.queue = queue;
    return queue;
  }

  private lastWarning = { message: '', at: 0 };

  // Redis's connection errors repeat with every reconnection attempt: one line per message and minute.
  private warnOnce(message: string): void {
    const now = Date.now();
    if (message === this.lastWarning.message && now - this.lastWarning.at < 60_000) return;
    this.lastWarning = { message, at: now };
    this.logger.warn(message);
  }

  private async run(kind: string, payload: unknown): Promise<void> {
    const handler = this.handlers.get(kind);
    if (!handler) {
      this.logger.error(`background work "${kind}" has no handler on this instance (a different version?)`);
      return;
    }
    try {
      await handler(payload as never);
    } catch (error) {
      this.logger.error(`background work "${kind}" failed: ${describeError(error)}`);
    }
  }

  // Made once by whichever instance comes first, kept in the database every instance shares.
  private async deploymentId(): Promise<string> {
    await this.tx.query('INSERT INTO server_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      DEPLOYMENT_KEY,
      randomBytes(8).toString('hex'),
    ]);
    const [row] = await this.tx.query('SELECT value FROM server_setting WHERE key = ?', [DEPLOYMENT_KEY]);
    return String(row?.value);
  }
}
