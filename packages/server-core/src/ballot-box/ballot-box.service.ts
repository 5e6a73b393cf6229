import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { bulkInsertSteps } from '../access-code/bulk-insert';
import { EventLoopSlice } from '../common/event-loop-slice';
import { type SqlStep } from '../database/sql-steps';
import { registerReferences } from '../database/reference-usage';
import { currentTransaction } from '../database/transaction-context';
import { Transactions } from '../database/transactions';
import { ServerSecretService } from '../settings/server-secret.service';
import { type BoxedBallot, openBallot, sealBallot } from './boxed-ballot';
import { type WaitingSummary, WaitingSummaries } from './waiting-summaries';
import { type CountedBatch } from './tally-stamp';
import { describeError } from '../logging/describe-error';

/** A box entry as stored: its id, campaign and sealed ballot. */
export interface SealedEntry {
  readonly id: string;
  readonly campaignId: number;
  readonly sealed: string;
}

/** A box entry opened. */
export interface WaitingBallot {
  readonly id: string;
  readonly ballot: BoxedBallot;
}

/** Ballots sealed per PostgreSQL statement (about 10 ms of work; SQLite statements hold 400 rows). */
const SEAL_CHUNK = 400;
/** Entries fetched and opened at a time (about 10 ms of work). */
const OPEN_CHUNK = 200;

/** PostgreSQL advisory lock class of a campaign's ballot box (the second key is the campaign id). */
export const BOX_LOCK_CLASS = 0x626f78; // 'box'

/**
 * 票箱: where every ballot goes first (online, paper, demo). The transaction
 * that redeems a code (or imports a paper batch) writes sealed entries here,
 * nothing counted; the {@link BallotMixer} later moves them into the counted
 * tables in random batches. Results count the box too ({@link countWithBox}),
 * so a stored ballot is never missing from a tally, nor counted twice.
 */
@Injectable()
export class BallotBoxService {
  readonly tx: Transactions;
  private readonly logger = new Logger('BallotBox');
  private sealingKey: Buffer | undefined;
  private readonly summaries = new WaitingSummaries();
  private readonly countedListeners: ((batch: CountedBatch) => void)[] = [];

  constructor(
    dataSource: DataSource,
    private readonly secret: ServerSecretService,
  ) {
    this.tx = new Transactions(dataSource);
    // a waiting ballot names its campaign, group and units inside its sealed value: removing them is refused meanwhile
    const waitingIn = async (
      manager: EntityManager,
      campaignId: unknown,
      holds: (ballot: WaitingSummary) => boolean,
    ): Promise<number> => (await this.waiting(Number(campaignId), manager)).filter(holds).length;
    registerReferences(dataSource, [
      {
        kind: 'waitingBallot',
        referencedTable: 'campaign',
        count: (manager, campaign) => waitingIn(manager, campaign.id, () => true),
      },
      {
        kind: 'waitingBallot',
        referencedTable: 'evaluator_group',
        count: (manager, group) =>
          waitingIn(manager, group.campaignId, (ballot) => ballot.evaluatorGroupCode === group.code),
      },
      {
        kind: 'waitingBallot',
        referencedTable: 'unit',
        count: (manager, unit) =>
          waitingIn(manager, unit.campaignId, (ballot) => ballot.ratings.some(([code]) => code === unit.code)),
      },
    ]);
  }

  /** Calls `listener` with each batch the mixer of this process has counted (committed). */
  onCounted(listener: (batch: CountedBatch) => void): void {
    this.countedListeners.push(listener);
  }

  /** The mixer's announcement of a committed batch (see {@link onCounted}). */
  announceCounted(batch: CountedBatch): void {
    for (const listener of this.countedListeners) listener(batch);
  }

  private get key(): Buffer {
    this.sealingKey ??= this.secret.key('ballot-box');
    return this.sealingKey;
  }

  /** A new sealed entry for `ballot` (a random id). */
  seal(ballot: BoxedBallot): SealedEntry {
    const id = randomUUID();
    return { id, campaignId: ballot.campaignId, sealed: sealBallot(this.key, id, ballot) };
  }

  /** The statements that put `ballots` into the box (bulk, sealed lazily chunk by chunk), for the caller's transaction. */
  entrySteps(ballots: Iterable<BoxedBallot>): Generator<SqlStep> {
    const seal = (ballot: BoxedBallot): SealedEntry => this.seal(ballot);
    return bulkInsertSteps(
      this.tx.dialect,
      'ballot_box',
      [
        { name: 'id', pgType: 'varchar' },
        { name: 'campaign_id', pgType: 'integer' },
        { name: 'sealed', pgType: 'text' },
      ],
      (function* () {
        for (const ballot of ballots) {
          const entry = seal(ballot);
          yield [entry.id, entry.campaignId, entry.sealed];
        }
      })(),
      { postgresRowsPerStatement: SEAL_CHUNK },
    );
  }

  /** Opens sealed entries; one that does not open (another secret) is logged and left out. */
  private open(rows: readonly Record<string, unknown>[]): WaitingBallot[] {
    const opened: WaitingBallot[] = [];
    for (const row of rows) {
      const id = String(row.id);
      try {
        opened.push({ id, ballot: openBallot(this.key, id, String(row.sealed)) });
      } catch (error) {
        this.logger.error(
          `Ballot box entry ${id} does not open with this server's secret (${describeError(error).split('\n')[0]}); it stays in the box`,
        );
        this.summaries.addUnopenable(id, Number(row.campaign_id));
      }
    }
    return opened;
  }

  /**
   * The entries `ids` still in the box, opened (the mixer's batch), a chunk
   * at a time in time slices: opening 10,000 entries at once would hold the
   * server for about a second. `each` (when given) takes each chunk instead
   * of the result collecting it.
   */
  async openEntries(
    ids: readonly string[],
    manager?: EntityManager,
    each?: (opened: WaitingBallot[]) => void,
  ): Promise<WaitingBallot[]> {
    const opened: WaitingBallot[] = [];
    const slice = new EventLoopSlice();
    for (let i = 0; i < ids.length; i += OPEN_CHUNK) {
      await slice.pause();
      const chunk = ids.slice(i, i + OPEN_CHUNK);
      const rows = this.open(
        await this.query(
          `SELECT id, campaign_id, sealed FROM ballot_box WHERE id IN (${chunk.map(() => '?').join(', ')})`,
          chunk,
          manager,
        ),
      );
      if (each) each(rows);
      else opened.push(...rows);
    }
    return opened;
  }

  /**
   * The waiting ballots (of one campaign, or all), summarised; an entry is
   * opened only the first time it is seen. Inside the caller's transaction
   * when `manager` is given.
   */
  async waiting(campaignId?: number, manager?: EntityManager): Promise<WaitingSummary[]> {
    const rows =
      campaignId === undefined
        ? await this.query('SELECT id FROM ballot_box', [], manager)
        : await this.query('SELECT id FROM ballot_box WHERE campaign_id = ?', [campaignId], manager);
    const ids = rows.map((row) => String(row.id));
    const unseen = ids.filter((id) => !this.summaries.has(id));
    await this.openEntries(unseen, manager, (opened) => {
      for (const { id, ballot } of opened) this.summaries.add(id, ballot);
    });
    return this.summaries.current(ids, campaignId);
  }

  private async query(
    sql: string,
    params: readonly unknown[],
    manager?: EntityManager,
  ): Promise<Record<string, unknown>[]> {
    return manager ? this.tx.queryWith(manager, sql, params) : this.tx.query(sql, params);
  }

  /**
   * Reads counted rows with `read` and the campaign's waiting ballots in one
   * read-only transaction ({@link Transactions.read}: one snapshot), so every
   * stored ballot is in exactly one of them, whatever the mixer commits
   * meanwhile, and without waiting for it. Inside a caller's transaction on
   * PostgreSQL (READ COMMITTED: each statement sees the latest commits) the
   * campaign's box lock is taken instead: the mixer takes it exclusively to
   * count a batch of that campaign. `read` must query through its manager.
   */
  countWithBox<T>(
    campaignId: number,
    read: (manager: EntityManager) => Promise<T>,
  ): Promise<{ readonly counted: T; readonly waiting: readonly WaitingSummary[] }> {
    const joined = currentTransaction() !== undefined;
    return this.tx.read(
      async (manager) => {
        if (joined && this.tx.dialect === 'postgres')
          await manager.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [BOX_LOCK_CLASS, campaignId]);
        const waiting = await this.waiting(campaignId, manager);
        const counted = await read(manager);
        return { counted, waiting };
      },
      { replica: true },
    ); // a tally shown tolerates a replica's lag; inside a write's transaction it joins that
  }
}
