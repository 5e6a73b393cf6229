import { Injectable } from '@nestjs/common';
import {
  actionWindows,
  assertActionAllowed,
  DEFAULT_OPINION_MAX_LENGTH,
  localDateOf,
  PingyiError,
  validateBallot,
} from '@pingyi/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normalizeAccessCode } from '../access-code/access-code-format';
import { AccessCodeService } from '../access-code/access-code.service';
import { type SqlStep } from '../database/sql-steps';
import { Transactions } from '../database/transactions';
import { BallotBoxService, type SealedEntry } from '../ballot-box/ballot-box.service';
import { calendarOf } from '../campaign/campaign-calendar';
import { checkAt } from '../common/rethrow-at';
import { type RequestContext } from '../common/request-context';
import { CampaignBallotRulesService, type CampaignBallotRules } from './campaign-ballot-rules.service';
import { CodeGuessThrottle } from './code-guess-throttle.service';
import { PingyiMetrics } from '../metrics/pingyi-metrics.service';
import { type BallotForm, type BallotReceipt, type CastBallotInput } from './dto/ballot-casting.dto';

interface RedeemableCode {
  readonly id: number;
  readonly hash: string;
  readonly rules: CampaignBallotRules;
  readonly groupCode: string;
}

// The receipt number: random, shown to the evaluator, stored nowhere.
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const receiptNumber = (): string =>
  [...randomBytes(10)]
    .map((byte) => RECEIPT_ALPHABET[byte % 32])
    .join('')
    .replace(/(.{5})(?=.)/, '$1-');

/**
 * Casting a ballot with an access code, anonymously: the code is redeemed
 * (a conditional update that must change one row) and the sealed ballot
 * (ratings and opinions) goes into the ballot box in the same transaction,
 * so a code casts exactly one ballot however many requests race, and a kill
 * loses none. The mixer later counts it in a random batch: the counted rows
 * share no transaction, place or order with the redemption.
 */
@Injectable()
export class BallotCastingService {
  private readonly tx: Transactions;

  constructor(
    dataSource: DataSource,
    private readonly accessCodes: AccessCodeService,
    private readonly rules: CampaignBallotRulesService,
    private readonly throttle: CodeGuessThrottle,
    private readonly box: BallotBoxService,
    private readonly metrics: PingyiMetrics,
  ) {
    this.tx = new Transactions(dataSource);
  }

  /** The sheet of a code: campaign name, group label, units and scale. Throttled like a cast. */
  async ballotForm(ctx: RequestContext, rawCode: unknown, now: Date = new Date()): Promise<BallotForm> {
    const code = await this.redeemableOrThrow(ctx, rawCode, 'code', now);
    const { campaign, units, scale } = code.rules;
    const windows = actionWindows(calendarOf(campaign), 'castBallot');
    return {
      campaignName: campaign.name,
      groupLabel: code.rules.groupLabels.get(code.groupCode) ?? code.groupCode,
      units: units.map((unit) => ({ ...unit })),
      levels: scale.map((level) => ({ code: level.code, label: level.label, labelEn: level.labelEn ?? null })),
      opinionMaxLength: code.rules.rules.opinionMaxLength ?? DEFAULT_OPINION_MAX_LENGTH,
      closesOn: windows[windows.length - 1]?.end ?? campaign.endDate,
    };
  }

  /** Casts the ballot of `input.code`; see CONTRACTS.md §4 for the error results. */
  async cast(ctx: RequestContext, input: CastBallotInput, now: Date = new Date()): Promise<BallotReceipt> {
    const code = await this.redeemableOrThrow(ctx, input?.code, 'input.code', now);
    const { campaign } = code.rules;
    const ballot = checkAt('input', () =>
      validateBallot({ ratings: input.ratings ?? [], opinions: input.opinions ?? [] }, code.rules.rules),
    );
    const today = localDateOf(now, campaign.timeZone);
    const entry = this.box.seal({
      bureauId: campaign.bureauId,
      campaignId: campaign.id,
      evaluatorGroupCode: code.groupCode,
      channel: 'online',
      castOn: today,
      paperBatchId: null,
      isDemo: false,
      ratings: ballot.ratings.map((rating) => [rating.unit, rating.level] as const),
      opinions: ballot.opinions.map((opinion) => [opinion.unit, opinion.text] as const),
      accessCodeId: code.id,
      boxedAt: now.getTime(),
    });
    const redeemed =
      this.tx.dialect === 'postgres'
        ? await this.castOnPostgres(code, today, entry)
        : await this.castOnSqlite(code, today, entry);
    // another request redeemed the code between the lookup and the update
    if (!redeemed) throw await this.whyNotRedeemable(code.hash, 'input.code');
    this.metrics.ballotCast(campaign.bureauId, code.groupCode);
    return {
      receiptNumber: receiptNumber(),
      castOn: today,
      campaignName: campaign.name,
      rated: ballot.ratings.length,
      abstained: ballot.abstainedUnitCodes.length,
      opinions: ballot.opinions.length,
    };
  }

  // One transaction: the conditional update must redeem the code, then the
  // sealed ballot goes into the box. Nothing counted is written here: the
  // mixer writes the ballot, its ratings and opinions later, in a batch.
  private async castOnSqlite(code: RedeemableCode, today: string, entry: SealedEntry): Promise<boolean> {
    const steps: SqlStep[] = [
      {
        name: 'redeem',
        sql: "UPDATE access_code SET state = 'used', used_on = ? WHERE code_hash = ? AND state = 'unused'",
        params: [today, code.hash],
        expectChanges: 1,
      },
      {
        sql: 'INSERT INTO ballot_box (id, campaign_id, sealed) VALUES (?, ?, ?)',
        params: [entry.id, entry.campaignId, entry.sealed],
      },
    ];
    return (await this.tx.steps(steps)).ok;
  }

  // The same as one statement (one round trip, atomic on its own): the box
  // entry takes its row from the redeeming update, so nothing is written
  // unless that update changed the code's row; a racing request finds it used.
  private async castOnPostgres(code: RedeemableCode, today: string, entry: SealedEntry): Promise<boolean> {
    const rows = await this.tx.query(
      `WITH redeemed AS (
         UPDATE access_code SET state = 'used', used_on = ?::date WHERE code_hash = ? AND state = 'unused' RETURNING 1
       ), boxed AS (
         INSERT INTO ballot_box (id, campaign_id, sealed) SELECT ?, ?::integer, ? FROM redeemed RETURNING 1
       )
       SELECT COUNT(*) AS redeemed FROM boxed`,
      [today, code.hash, entry.id, entry.campaignId, entry.sealed],
    );
    return Number(rows[0]?.redeemed) === 1;
  }

  // Normalizes and looks the code up (counted as a guess unless it is a real
  // code), then checks the campaign's window. Never logs the code.
  private async redeemableOrThrow(
    ctx: RequestContext,
    rawCode: unknown,
    path: string,
    now: Date,
  ): Promise<RedeemableCode> {
    if (typeof rawCode !== 'string')
      throw new PingyiError('INVALID_CODE', 'Type the access code printed on your slip', path);
    const code = normalizeAccessCode(rawCode, path);
    const hash = this.accessCodes.hashOf(code);
    const found = await this.throttle.guess(ctx.ip, async () => {
      const [row] = await this.tx.query(
        'SELECT id, campaign_id, evaluator_group_code, state FROM access_code WHERE code_hash = ?',
        [hash],
      );
      // only an unknown code is a wrong guess: a used or revoked one is real (its owner trying again)
      return { value: row, wrong: row === undefined };
    });
    if (!found || found.state === 'revoked')
      throw new PingyiError(
        'INVALID_CODE',
        'No such access code: check it against your slip (a revoked code no longer works)',
        path,
      );
    if (found.state === 'used')
      throw new PingyiError('CODE_ALREADY_USED', 'This access code has already been used to cast a ballot', path);
    const rules = await this.rules.rulesOf(Number(found.campaign_id));
    // an archived campaign is read-only; to an evaluator that is a closed window (CONTRACTS.md §4 has no other code for it)
    if (rules.campaign.archivedAt)
      throw new PingyiError(
        'PHASE_CLOSED',
        `the campaign ${rules.campaign.name} is archived: ballots are no longer accepted`,
        path,
      );
    assertActionAllowed(calendarOf(rules.campaign), 'castBallot', now);
    return { id: Number(found.id), hash, rules, groupCode: String(found.evaluator_group_code) };
  }

  private async whyNotRedeemable(hash: string, path: string): Promise<PingyiError> {
    const [found] = await this.tx.query('SELECT state FROM access_code WHERE code_hash = ?', [hash]);
    return found?.state === 'used'
      ? new PingyiError('CODE_ALREADY_USED', 'This access code has already been used to cast a ballot', path)
      : new PingyiError(
          'INVALID_CODE',
          'No such access code: check it against your slip (a revoked code no longer works)',
          path,
        );
  }
}
