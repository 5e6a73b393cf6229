import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type SqlStep } from '../database/sql-steps';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { BOX_LOCK_CLASS, BallotBoxService, type WaitingBallot } from './ballot-box.service';
import { type BoxedBallot } from './boxed-ballot';
import { countedRowSteps } from './counted-ballot-writer';
import { type CountedBatch, readTallyStampStep } from './tally-stamp';
import { chooseBatch, type MixPolicy, shuffled } from './mix-policy';
import { describeError } from '../logging/describe-error';

/** Young ballots a full pool leaves for a later batch, on average. */
const LEAVE_BEHIND = 0.3;
const DELETE_CHUNK = 500;
/**
 * Ballots per batch at most, whatever the minimum: 100 ballots of 80 ratings
 * are 8,000 rows, tens of milliseconds of one SQLite write transaction that
 * casts wait behind (a 700-ballot batch held them 0.4 s: casting's p99 at
 * 200/s, bench/online-casting.bench.ts).
 */
const MAX_BATCH_FLOOR = 100;
/** The pause between two full batches of a backlog, which lets waiting requests in. */
const BETWEEN_FULL_BATCHES_MS = 20;

/**
 * Empties the ballot box into the counted tables, in batches (at start, then
 * on a timer, in every instance). A batch is a random choice of waiting
 * ballots ({@link chooseBatch}); it is mixed in two transactions:
 * 1. (PostgreSQL) the batch's used access codes are re-touched one by one in
 *    a random order, so each code row's transaction id is the batch's and its
 *    place in its page no longer follows the order of redemption;
 * 2. the ballots are locked in the box (`FOR UPDATE SKIP LOCKED`: two
 *    instances never take the same one), written to the counted tables in a
 *    random order by the one writer, and deleted from the box; the audit
 *    log's count of casts per day and group grows by the batch's.
 * The counted rows therefore share no transaction id with any code's
 * redemption or re-touch. A kill at any point loses nothing and doubles
 * nothing: a ballot is in the box until the transaction that counts it commits.
 */
@Injectable()
export class BallotMixer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BallotMixer');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> = Promise.resolve(0);
  /** A tick is mixing batch after batch of a backlog. */
  private draining = false;
  /** When the last batch attempt ended (readiness: the mixer is alive). */
  private lastTickAt = 0;
  private lastError: string | null = null;
  readonly policy: MixPolicy;
  readonly tickMs: number;

  constructor(
    private readonly box: BallotBoxService,
    @Inject(PINGYI_CONFIG) config: PingyiConfig,
  ) {
    this.policy = {
      minBatch: config.mixMinBatch,
      sliceMs: config.mixIntervalMs,
      leaveBehind: LEAVE_BEHIND,
      maxBatch: Math.max(MAX_BATCH_FLOOR, 2 * config.mixMinBatch),
    };
    this.tickMs = Math.max(250, Math.round(config.mixIntervalMs / 9));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.mixOnce().catch((error: unknown) =>
      this.logger.error(`mixing at start failed: ${describeError(error)}`),
    );
    this.timer = setInterval(() => {
      if (this.timer && !this.draining)
        void this.drain().catch((error: unknown) => this.logger.error(`mixing failed: ${describeError(error)}`));
    }, this.tickMs);
    this.timer.unref();
  }

  // stop the timer and let a batch being mixed finish before the connection closes
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running.catch(() => undefined);
  }

  /** Mixes one batch if the policy says so (`force`: every waiting ballot); returns how many ballots were counted. One at a time per process. */
  mixOnce(options: { readonly force?: boolean; readonly now?: number } = {}): Promise<number> {
    const next = this.running
      .catch(() => 0)
      .then(() => this.mixBatch(options.force === true, options.now ?? Date.now()))
      .then(
        (mixed) => ((this.lastTickAt = Date.now()), (this.lastError = null), mixed),
        (error: unknown) => {
          this.lastTickAt = Date.now();
          this.lastError = error instanceof Error ? error.message : String(error);
          throw error;
        },
      );
    this.running = next;
    return next;
  }

  /**
   * Whether the timer runs and its last attempt ended recently and well
   * (readiness): a mixer that stopped, or fails at every tick, is not alive.
   */
  health(now = Date.now()): { alive: boolean; lastTickAgoMs: number | null; lastError: string | null } {
    const ago = this.lastTickAt === 0 ? null : now - this.lastTickAt;
    const alive = this.timer !== undefined && ago !== null && ago < this.tickMs * 3 + 10_000 && this.lastError === null;
    return { alive, lastTickAgoMs: ago, lastError: this.lastError };
  }

  // One tick: a batch, and while batches come out full, the next one after a short pause.
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while ((await this.mixOnce()) >= this.policy.maxBatch && this.timer)
        await new Promise((resolve) => setTimeout(resolve, BETWEEN_FULL_BATCHES_MS));
    } finally {
      this.draining = false;
    }
  }

  /** Mixes until the box is empty (tests, benchmarks, scripts); throws when entries stay that do not open. */
  async mixAll(): Promise<number> {
    let total = 0;
    for (let idle = 0; ;) {
      const mixed = await this.mixOnce({ force: true });
      total += mixed;
      if (mixed > 0) continue;
      const left = Number((await this.box.tx.query('SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n);
      if (left === 0) return total;
      if ((idle += 1) > 3) throw new Error(`${left} ballot box entries stay in the box (sealed under another secret?)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async mixBatch(force: boolean, now: number): Promise<number> {
    const pool = await this.box.waiting();
    const chosen = force ? pool : chooseBatch(pool, now, this.policy);
    if (chosen.length === 0) return 0;
    // only the batch is opened in full (opinions, the code it redeemed)
    const batch = shuffled(await this.box.openEntries(chosen.map((entry) => entry.id)));
    if (batch.length === 0) return 0;
    if (this.box.tx.dialect === 'postgres') await this.retouchCodes(batch);
    return this.count(batch);
  }

  // One statement per code, in a random order: the new row versions take
  // their places in that order, and all carry this transaction's id.
  private async retouchCodes(batch: readonly WaitingBallot[]): Promise<void> {
    const ids = shuffled(batch.map((entry) => entry.ballot.accessCodeId).filter((id): id is number => id !== null));
    if (ids.length === 0) return;
    await this.box.tx.steps(
      ids.map((id) => ({ sql: "UPDATE access_code SET state = 'used' WHERE id = ? AND state = 'used'", params: [id] })),
    );
  }

  private async count(batch: readonly WaitingBallot[]): Promise<number> {
    const dialect = this.box.tx.dialect;
    let counted = 0;
    const lock: SqlStep =
      dialect === 'postgres'
        ? {
            sql: 'SELECT id FROM ballot_box WHERE id = ANY(?::varchar[]) FOR UPDATE SKIP LOCKED',
            params: [batch.map((entry) => entry.id)],
            returnsRows: true,
          }
        : { sql: 'SELECT id FROM ballot_box', returnsRows: true };
    // PostgreSQL: the box lock of each campaign in the batch, in one order (see BallotBoxService.countWithBox)
    const campaignLocks: SqlStep[] =
      dialect === 'postgres'
        ? [...new Set(batch.map((entry) => entry.ballot.campaignId))]
            .sort((a, b) => a - b)
            .map((id) => ({ sql: 'SELECT pg_advisory_xact_lock(?, ?)', params: [BOX_LOCK_CLASS, id] }))
        : [];
    // each campaign's tally stamp before and after the batch (read under the box lock: no other writer changes it)
    const campaigns = [...new Set(batch.map((entry) => entry.ballot.campaignId))];
    const after = new Map(campaigns.map((id) => [id, randomUUID()]));
    const counts: CountedBatch[] = [];
    const outcome = await this.box.tx.steps(
      [
        ...campaignLocks,
        lock,
        ...campaigns.map(readTallyStampStep),
        (rows) => {
          const locked = new Set((rows[0] ?? []).map((row) => String(row.id)));
          const taken = batch.filter((entry) => locked.has(entry.id));
          counted = taken.length;
          campaigns.forEach((campaignId, i) => {
            const ballots = taken
              .filter((entry) => entry.ballot.campaignId === campaignId)
              .map((entry) => entry.ballot);
            const before = rows[i + 1]?.[0]?.stamp;
            if (ballots.length > 0)
              counts.push({
                campaignId,
                before: typeof before === 'string' ? before : null,
                after: after.get(campaignId) as string,
                ballots,
              });
          });
          return (function* () {
            if (taken.length === 0) return;
            yield* countedRowSteps(
              dialect,
              taken.map((entry) => entry.ballot),
              after,
            );
            yield* deleteSteps(
              dialect,
              taken.map((entry) => entry.id),
            );
            yield* castCountSteps(taken.map((entry) => entry.ballot));
          })();
        },
      ],
      { cacheMiB: 64 },
    );
    if (!outcome.ok) {
      this.logger.warn(
        `a batch of ${batch.length} ballots changed while it was mixed (${outcome.failed}); it stays in the box`,
      );
      return 0;
    }
    for (const batchOfCampaign of counts) this.box.announceCounted(batchOfCampaign);
    return counted;
  }
}

// The audit log's count of successful casts per bureau, day and group, kept
// here (one upsert per group and day of the batch) rather than per cast: no
// row per ballot, and no row every cast must lock.
function* castCountSteps(ballots: readonly BoxedBallot[]): Generator<SqlStep> {
  const counts = new Map<string, { bureauId: number; day: string; group: string; n: number }>();
  for (const ballot of ballots) {
    if (ballot.channel !== 'online') continue;
    const key = `${ballot.bureauId}|${ballot.castOn}|${ballot.evaluatorGroupCode}`;
    const entry = counts.get(key) ?? {
      bureauId: ballot.bureauId,
      day: ballot.castOn,
      group: ballot.evaluatorGroupCode,
      n: 0,
    };
    entry.n += 1;
    counts.set(key, entry);
  }
  for (const { bureauId, day, group, n } of counts.values()) {
    yield {
      sql: `INSERT INTO audit_daily_count (bureau_id, operation, day, group_code, count) VALUES (?, 'castBallot', ?, ?, ?)
            ON CONFLICT (bureau_id, operation, day, group_code) DO UPDATE SET count = audit_daily_count.count + excluded.count`,
      params: [bureauId, day, group.slice(0, 64), n],
    };
  }
}

function* deleteSteps(dialect: 'sqlite' | 'postgres', ids: readonly string[]): Generator<SqlStep> {
  if (dialect === 'postgres') {
    yield {
      name: 'unbox',
      sql: 'DELETE FROM ballot_box WHERE id = ANY(?::varchar[])',
      params: [ids],
      expectChanges: ids.length,
    };
    return;
  }
  for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
    const chunk = ids.slice(i, i + DELETE_CHUNK);
    yield {
      name: 'unbox',
      sql: `DELETE FROM ballot_box WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      params: chunk,
      expectChanges: chunk.length,
    };
  }
}
