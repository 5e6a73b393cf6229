import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { MinuteCounts } from './minute-counts';

/** Distinct GraphQL operation labels kept; later ones are counted as `other` (names are chosen by clients). */
const MAX_OPERATIONS = 200;

interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The Prometheus metrics of one instance (`GET /metrics`): GraphQL request
 * rate and latency per operation, ballots cast per bureau and group (published
 * a whole minute at a time, see {@link MinuteCounts}), paper imports running,
 * the database pool, and Node's defaults (event-loop lag, memory, CPU).
 */
@Injectable()
export class PingyiMetrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly requests: Histogram<'operation' | 'status'>;
  private readonly operations = new Set<string>();
  private readonly cast = new MinuteCounts();
  private workQueue: () => Promise<number> = () => Promise.resolve(0);

  constructor(dataSource: DataSource, @Inject(PINGYI_CONFIG) config: PingyiConfig) {
    const registry = this.registry;
    registry.setDefaultLabels({ service: 'pingyi' });
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
    this.requests = new Histogram({
      name: 'pingyi_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation (name, or type and first field) and HTTP status; _count gives the rate',
      labelNames: ['operation', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const cast = this.cast;
    new Counter({
      name: 'pingyi_ballots_cast_total',
      help: 'Ballots cast online by bureau and evaluator group, updated once a minute (no finer timing)',
      labelNames: ['bureau', 'group'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [label, total] of cast.totals()) {
          const [bureau = '', group = ''] = label.split('\u0000');
          this.inc({ bureau, group }, total);
        }
      },
    });
    const queue = () => this.workQueue();
    new Gauge({
      name: 'pingyi_import_queue_length',
      help: 'Background work (paper keyings to check or import) waiting or running: on this instance, or in the queue all instances share when REDIS_URL is set',
      registers: [registry],
      async collect() {
        this.set(await queue().catch(() => 0));
      },
    });
    new Gauge({
      name: 'pingyi_db_pool_connections',
      help: 'Database connections of this instance by state (PostgreSQL pool: total, idle, waiting clients; SQLite: one connection)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        if (config.database.type === 'sqlite') {
          this.set({ state: 'total' }, 1);
          return;
        }
        const pool = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  /** One GraphQL request ended. */
  observeGraphql(operation: string, status: number, seconds: number): void {
    let label = operation;
    if (!this.operations.has(label)) {
      if (this.operations.size >= MAX_OPERATIONS) label = 'other';
      else this.operations.add(label);
    }
    this.requests.observe({ operation: label, status: String(status) }, seconds);
  }

  /** A ballot was cast (its transaction committed). Only the bureau and group are kept, and only per minute. */
  ballotCast(bureauId: number, group: string): void {
    this.cast.add(`${bureauId}\u0000${group}`);
  }

  /** The background work tells how much waits or runs. */
  registerWorkQueue(length: () => Promise<number>): void {
    this.workQueue = length;
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
