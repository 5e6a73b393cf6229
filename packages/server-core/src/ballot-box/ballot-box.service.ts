import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { bulkInsertSteps } from '../access-code/bulk-insert';
import { type SqlStep, toPostgresPlaceholders } from '../database/sql-steps';
import { Transactions } from '../database/transactions';
import { ServerSecretService } from '../settings/server-secret.service';
import { type BoxedBallot, openBallot, sealBallot } from './boxed-ballot';

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

const CONSISTENT_READ_ATTEMPTS = 20;

/**
 * 票箱: where every ballot goes first (online, paper, demo). The transaction
 * that redeems a code (or imports a paper batch) writes sealed entries here,
 * nothing counted; the {@link BallotMixer} later moves them into the counted
 * tables in random batches. Results count the box too ({@link countWithBox}),
 * so a stored ballot is never missing from a tally.
 */
@Injectable()
export class BallotBoxService {
  readonly tx: Transactions;
  private readonly logger = new Logger('BallotBox');
  private sealingKey: Buffer | undefined;

  constructor(
    dataSource: DataSource,
    private readonly secret: ServerSecretService,
  ) {
    this.tx = new Transactions(dataSource);
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
    );
  }

  /** Opens sealed entries; one that does not open (another secret) is logged and left out. */
  open(rows: readonly Record<string, unknown>[]): WaitingBallot[] {
    const opened: WaitingBallot[] = [];
    for (const row of rows) {
      const id = String(row.id);
      try {
        opened.push({ id, ballot: openBallot(this.key, id, String(row.sealed)) });
      } catch (error) {
        this.logger.error(`Ballot box entry ${id} does not open with this server's secret (${(error as Error).message}); it stays in the box`);
      }
    }
    return opened;
  }

  /** The waiting ballots, opened (of one campaign, or all); inside the caller's transaction when `manager` is given. */
  async waiting(campaignId?: number, manager?: EntityManager): Promise<WaitingBallot[]> {
    const rows =
      campaignId === undefined
        ? await this.query('SELECT id, sealed FROM ballot_box', [], manager)
        : await this.query('SELECT id, sealed FROM ballot_box WHERE campaign_id = ?', [campaignId], manager);
    return this.open(rows);
  }

  private async query(sql: string, params: readonly unknown[], manager?: EntityManager): Promise<Record<string, unknown>[]> {
    if (!manager) return this.tx.query(sql, params);
    return manager.query(this.tx.dialect === 'postgres' ? toPostgresPlaceholders(sql) : sql, [...params]);
  }

  /**
   * Reads counted rows with `read` and the campaign's waiting ballots so that
   * every stored ballot is in exactly one of them: the box is read before and
   * after `read`, and when a ballot read from the box left it meanwhile (a
   * batch was mixed), all is read again.
   */
  async countWithBox<T>(campaignId: number, read: () => Promise<T>, manager?: EntityManager): Promise<{ readonly counted: T; readonly waiting: readonly BoxedBallot[] }> {
    for (let attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS; attempt += 1) {
      const before = await this.waiting(campaignId, manager);
      const counted = await read();
      const after = new Set((await this.query('SELECT id FROM ballot_box WHERE campaign_id = ?', [campaignId], manager)).map((row) => String(row.id)));
      if (before.every((entry) => after.has(entry.id))) return { counted, waiting: before.map((entry) => entry.ballot) };
    }
    throw new Error(`the ballot box of campaign ${campaignId} kept changing while it was counted`);
  }
}
