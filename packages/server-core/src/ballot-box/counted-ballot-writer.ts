import { randomUUID } from 'node:crypto';
import { bulkInsertSteps } from '../access-code/bulk-insert';
import { type SqlStep } from '../database/sql-steps';
import { type BoxedBallot } from './boxed-ballot';
import { shuffled } from './mix-policy';
import { tallyStampStep } from './tally-stamp';

/**
 * THE writer of counted rows: the statements that store `ballots` in the
 * counted tables (`ballot`, `rating`, `opinion`), in bulk, inside the
 * caller's transaction. Ballot and opinion ids are made here, at random; the
 * ballots are written in a random order and the opinions in another, so
 * neither the box's order nor the ballots' order shows in the tables. Only
 * the mixer calls it (online, paper and demo ballots all pass the box).
 */
export function* countedRowSteps(
  dialect: 'sqlite' | 'postgres',
  ballots: readonly BoxedBallot[],
  stamps: ReadonlyMap<number, string> = new Map(),
): Generator<SqlStep> {
  const order = shuffled(ballots.map((ballot) => ({ id: randomUUID(), ballot })));
  yield* bulkInsertSteps(
    dialect,
    'ballot',
    [
      { name: 'id', pgType: 'varchar' },
      { name: 'bureau_id', pgType: 'integer' },
      { name: 'campaign_id', pgType: 'integer' },
      { name: 'evaluator_group_code', pgType: 'varchar' },
      { name: 'channel', pgType: 'varchar' },
      { name: 'cast_on', pgType: 'date' },
      { name: 'paper_batch_id', pgType: 'integer' },
      { name: 'is_demo', pgType: 'boolean' },
    ],
    (function* () {
      for (const { id, ballot } of order)
        yield [
          id,
          ballot.bureauId,
          ballot.campaignId,
          ballot.evaluatorGroupCode,
          ballot.channel,
          ballot.castOn,
          ballot.paperBatchId,
          ballot.isDemo,
        ];
    })(),
  );
  yield* bulkInsertSteps(
    dialect,
    'rating',
    [
      { name: 'ballot_id', pgType: 'varchar' },
      { name: 'unit_code', pgType: 'varchar' },
      { name: 'campaign_id', pgType: 'integer' },
      { name: 'evaluator_group_code', pgType: 'varchar' },
      { name: 'level_code', pgType: 'varchar' },
    ],
    (function* () {
      for (const { id, ballot } of order) {
        for (const [unit, level] of [...ballot.ratings].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
          yield [id, unit, ballot.campaignId, ballot.evaluatorGroupCode, level];
      }
    })(),
  );
  // the counted ratings of these campaigns change: a new stamp each (the caller's, when it chose them)
  for (const campaignId of new Set(ballots.map((ballot) => ballot.campaignId)))
    yield tallyStampStep(campaignId, stamps.get(campaignId));
  yield* opinionRowSteps(
    dialect,
    ballots.flatMap((ballot) => ballot.opinions.map(([unit, text]) => ({ ...ballot, unit, text }))),
  );
}

/** An opinion as the `opinion` table stores it: its campaign, unit, group, day and text; nothing else. */
export interface CountedOpinion {
  readonly bureauId: number;
  readonly campaignId: number;
  readonly evaluatorGroupCode: string;
  readonly unit: string;
  readonly text: string;
  readonly castOn: string;
  readonly isDemo: boolean;
}

/**
 * The statements that store opinions, in random order with random ids: the
 * opinions of counted ballots, and those of scanned opinion forms (paper
 * that carries no ratings), inside the caller's transaction.
 */
export function* opinionRowSteps(
  dialect: 'sqlite' | 'postgres',
  opinions: readonly CountedOpinion[],
): Generator<SqlStep> {
  if (opinions.length === 0) return;
  yield* bulkInsertSteps(
    dialect,
    'opinion',
    [
      { name: 'id', pgType: 'varchar' },
      { name: 'bureau_id', pgType: 'integer' },
      { name: 'campaign_id', pgType: 'integer' },
      { name: 'unit_code', pgType: 'varchar' },
      { name: 'evaluator_group_code', pgType: 'varchar' },
      { name: 'text', pgType: 'text' },
      { name: 'received_on', pgType: 'date' },
      { name: 'is_demo', pgType: 'boolean' },
    ],
    (function* () {
      for (const opinion of shuffled(opinions))
        yield [
          randomUUID(),
          opinion.bureauId,
          opinion.campaignId,
          opinion.unit,
          opinion.evaluatorGroupCode,
          opinion.text,
          opinion.castOn,
          opinion.isDemo,
        ];
    })(),
  );
}
