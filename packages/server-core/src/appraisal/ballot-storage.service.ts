import { Injectable } from '@nestjs/common';
import {
  appraisedUnits,
  buildUnitTree,
  type LocalDate,
  parseLocalDate,
  PingyiError,
  validateBallot,
} from '@pingyi/domain';
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type Campaign } from '../campaign/campaign.entity';
import { checkOneOf } from '../common/validation';
import { Unit } from '../organization/unit.entity';
import { Transactions } from '../database/transactions';
import { countedRowSteps } from '../ballot-box/counted-ballot-writer';
import { type BoxedBallot } from '../ballot-box/boxed-ballot';
import { BALLOT_CHANNELS, type BallotChannel } from './ballot.entity';
import { Opinion, OpinionStatus } from './opinion.entity';

/** A ballot to store: its group, channel, day, and ratings `{ unit, level }` (codes). */
export interface BallotToStore {
  readonly evaluatorGroupCode: string;
  readonly channel: BallotChannel;
  readonly castOn: LocalDate;
  readonly paperBatchId?: number | null;
  readonly isDemo?: boolean;
  readonly ratings: readonly { readonly unit: string; readonly level: string }[];
}

/** An opinion to store, apart from any ballot. */
export interface OpinionToStore {
  readonly unitCode: string;
  readonly evaluatorGroupCode: string;
  readonly text: string;
  readonly receivedOn: LocalDate;
  readonly status?: OpinionStatus;
  readonly isDemo?: boolean;
}

// Rows per INSERT of opinions: SQLite allows 32,766 bound values.
const OPINION_CHUNK = 500;

/**
 * Storage of ballots, ratings and opinions, in bulk, inside the caller's
 * transaction. Every ballot is checked by the domain's ballot rules against
 * the campaign's appraised units and scale; ids are random UUIDs; nothing
 * links a ballot to an access code, a user, an opinion or a time of day.
 * Casting (access codes, phase gating) and paper import build on this.
 */
@Injectable()
export class BallotStorageService {
  constructor(private readonly tx: Transactions) {}

  /**
   * Stores the ballots and their ratings, checked, with the one writer of
   * counted rows (the ballot box's mixer writes with it too); returns how many.
   */
  async storeBallots(manager: EntityManager, campaign: Campaign, ballots: readonly BallotToStore[]): Promise<number> {
    const rules = await this.rulesOf(manager, campaign);
    const groups = new Set(campaign.evaluatorGroups.map((group) => group.code));
    const checked: BoxedBallot[] = ballots.map((ballot, i) => {
      const at = `ballots[${i}]`;
      if (!groups.has(ballot.evaluatorGroupCode)) {
        throw new PingyiError(
          'INVALID_ARGUMENT',
          `"${ballot.evaluatorGroupCode}" is not an evaluator group of the campaign`,
          `${at}.evaluatorGroupCode`,
        );
      }
      checkOneOf(ballot.channel, `${at}.channel`, BALLOT_CHANNELS);
      const castOn = parseLocalDate(ballot.castOn, `${at}.castOn`);
      const { ratings } = validateBallot({ ratings: ballot.ratings }, rules);
      return {
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        evaluatorGroupCode: ballot.evaluatorGroupCode,
        channel: ballot.channel,
        castOn,
        paperBatchId: ballot.paperBatchId ?? null,
        isDemo: ballot.isDemo ?? false,
        ratings: ratings.map((rating) => [rating.unit, rating.level] as const),
        opinions: [],
        accessCodeId: null,
        boxedAt: 0,
      };
    });
    for (const step of countedRowSteps(this.tx.dialect, checked))
      await this.tx.queryWith(manager, step.sql, step.params);
    return checked.length;
  }

  /** Stores opinions (checked by the domain's opinion rules), unlinked to any ballot; returns their ids. */
  async storeOpinions(
    manager: EntityManager,
    campaign: Campaign,
    opinions: readonly OpinionToStore[],
  ): Promise<string[]> {
    const rules = await this.rulesOf(manager, campaign);
    const groups = new Set(campaign.evaluatorGroups.map((group) => group.code));
    const rows = opinions.map((opinion, i): QueryDeepPartialEntity<Opinion> => {
      const at = `opinions[${i}]`;
      if (!groups.has(opinion.evaluatorGroupCode)) {
        throw new PingyiError(
          'INVALID_ARGUMENT',
          `"${opinion.evaluatorGroupCode}" is not an evaluator group of the campaign`,
          `${at}.evaluatorGroupCode`,
        );
      }
      const [checked] = validateBallot({ opinions: [{ unit: opinion.unitCode, text: opinion.text }] }, rules).opinions;
      return {
        id: randomUUID(),
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        unitCode: opinion.unitCode,
        evaluatorGroupCode: opinion.evaluatorGroupCode,
        text: checked?.text ?? opinion.text,
        status: opinion.status ?? OpinionStatus.pending,
        receivedOn: parseLocalDate(opinion.receivedOn, `${at}.receivedOn`),
        isDemo: opinion.isDemo ?? false,
      };
    });
    for (let i = 0; i < rows.length; i += OPINION_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Opinion)
        .values(rows.slice(i, i + OPINION_CHUNK))
        .updateEntity(false)
        .execute();
    }
    return rows.map((row) => row.id as string);
  }

  // The ballot rules of a campaign: its appraised units (from its unit tree) and its scale.
  private async rulesOf(manager: EntityManager, campaign: Campaign) {
    const units = await manager.find(Unit, { where: { campaignId: campaign.id }, order: { sortOrder: 'ASC' } });
    const tree = buildUnitTree(
      units.map(({ code, name, parentCode, appraised }) => ({ code, name, parentCode, appraised })),
    );
    return { appraisedUnitCodes: appraisedUnits(tree).map((unit) => unit.code), scale: campaign.policy.scale };
  }
}
