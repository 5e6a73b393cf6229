import { Injectable } from '@nestjs/common';
import { appraisedUnits, buildUnitTree, type LocalDate, parseLocalDate, PingyiError, validateBallot } from '@pingyi/domain';
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type Campaign } from '../campaign/campaign.entity';
import { checkOneOf } from '../common/validation';
import { Unit } from '../organization/unit.entity';
import { Ballot, BALLOT_CHANNELS, type BallotChannel } from './ballot.entity';
import { Opinion, OpinionStatus } from './opinion.entity';
import { Rating } from './rating.entity';

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

// Rows per INSERT: SQLite allows 32,766 bound values; 5 per rating.
const RATING_CHUNK = 2000;
const BALLOT_CHUNK = 1000;
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
  /** Stores the ballots and their ratings; returns the new ballot ids. */
  async storeBallots(manager: EntityManager, campaign: Campaign, ballots: readonly BallotToStore[]): Promise<string[]> {
    const rules = await this.rulesOf(manager, campaign);
    const groups = new Set(campaign.evaluatorGroups.map((group) => group.code));
    const ballotRows: QueryDeepPartialEntity<Ballot>[] = [];
    const ratingRows: QueryDeepPartialEntity<Rating>[] = [];
    ballots.forEach((ballot, i) => {
      const at = `ballots[${i}]`;
      if (!groups.has(ballot.evaluatorGroupCode)) {
        throw new PingyiError('INVALID_ARGUMENT', `"${ballot.evaluatorGroupCode}" is not an evaluator group of the campaign`, `${at}.evaluatorGroupCode`);
      }
      checkOneOf(ballot.channel, `${at}.channel`, BALLOT_CHANNELS);
      const castOn = parseLocalDate(ballot.castOn, `${at}.castOn`);
      const { ratings } = validateBallot({ ratings: ballot.ratings }, rules);
      const id = randomUUID();
      ballotRows.push({
        id,
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        evaluatorGroupCode: ballot.evaluatorGroupCode,
        channel: ballot.channel,
        castOn,
        paperBatchId: ballot.paperBatchId ?? null,
        isDemo: ballot.isDemo ?? false,
      });
      for (const rating of ratings) {
        ratingRows.push({ ballotId: id, unitCode: rating.unit, campaignId: campaign.id, evaluatorGroupCode: ballot.evaluatorGroupCode, levelCode: rating.level });
      }
    });
    for (let i = 0; i < ballotRows.length; i += BALLOT_CHUNK) {
      await manager.createQueryBuilder().insert().into(Ballot).values(ballotRows.slice(i, i + BALLOT_CHUNK)).updateEntity(false).execute();
    }
    for (let i = 0; i < ratingRows.length; i += RATING_CHUNK) {
      await manager.createQueryBuilder().insert().into(Rating).values(ratingRows.slice(i, i + RATING_CHUNK)).updateEntity(false).execute();
    }
    return ballotRows.map((row) => row.id as string);
  }

  /** Stores opinions (checked by the domain's opinion rules), unlinked to any ballot; returns their ids. */
  async storeOpinions(manager: EntityManager, campaign: Campaign, opinions: readonly OpinionToStore[]): Promise<string[]> {
    const rules = await this.rulesOf(manager, campaign);
    const groups = new Set(campaign.evaluatorGroups.map((group) => group.code));
    const rows = opinions.map((opinion, i): QueryDeepPartialEntity<Opinion> => {
      const at = `opinions[${i}]`;
      if (!groups.has(opinion.evaluatorGroupCode)) {
        throw new PingyiError('INVALID_ARGUMENT', `"${opinion.evaluatorGroupCode}" is not an evaluator group of the campaign`, `${at}.evaluatorGroupCode`);
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
      await manager.createQueryBuilder().insert().into(Opinion).values(rows.slice(i, i + OPINION_CHUNK)).updateEntity(false).execute();
    }
    return rows.map((row) => row.id as string);
  }

  // The ballot rules of a campaign: its appraised units (from its unit tree) and its scale.
  private async rulesOf(manager: EntityManager, campaign: Campaign) {
    const units = await manager.find(Unit, { where: { campaignId: campaign.id }, order: { sortOrder: 'ASC' } });
    const tree = buildUnitTree(units.map(({ code, name, parentCode, appraised }) => ({ code, name, parentCode, appraised })));
    return { appraisedUnitCodes: appraisedUnits(tree).map((unit) => unit.code), scale: campaign.policy.scale };
  }
}
