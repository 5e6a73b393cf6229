import { type GroupParticipation, Rational } from '@pingyi/scoring';
import { type GroupResponse } from './dto/response.dto';

/** What the campaign knows about one evaluator group's ballots: participation, access codes, paper reconciliation. */
export interface GroupFigures {
  readonly code: string;
  readonly label: string;
  readonly quota: number;
  /** Online ballots received. */
  readonly online: number;
  readonly codesIssued: number;
  readonly codesUsed: number;
  /** Paper sheets handed out, when the office entered it. */
  readonly paperDistributed: number | null;
  /** Paper sheets returned, valid and spoilt. */
  readonly paperReceived: number;
  /** Valid ballots counted: online ballots and valid paper sheets (what 收回有效评议表 counts). */
  readonly ballots: number;
}

const rateOf = (received: number, distributed: number, decimals: number): number | null =>
  distributed > 0 ? Rational.HUNDRED.mul(Rational.of(received, distributed)).toNumber(decimals) : null;

/**
 * A group's response rate (回收率): ballots received (online, and paper sheets
 * returned) over ballots distributed. When every channel that brought ballots
 * has its distributed count (codes issued; paper sheets handed out), that is
 * their sum (basis `issued`); otherwise the quota stands in (basis `quota`). Below the policy's minimum
 * (compared exactly) the group is not scored.
 */
export function groupResponse(
  figures: GroupFigures,
  decimals: number,
  minResponseRate: number | undefined,
): GroupResponse {
  const onlineKnown = figures.codesIssued > 0;
  const paperKnown = figures.paperDistributed !== null && figures.paperDistributed > 0;
  const issued =
    (onlineKnown || paperKnown) && (figures.online === 0 || onlineKnown) && (figures.paperReceived === 0 || paperKnown);
  // every ballot received counts; what was distributed is known per channel, or the quota stands in
  const received = figures.online + figures.paperReceived;
  const distributed = issued
    ? (onlineKnown ? figures.codesIssued : 0) + (paperKnown ? (figures.paperDistributed as number) : 0)
    : figures.quota;
  const min = minResponseRate ?? 0;
  const below =
    min > 0 &&
    distributed > 0 &&
    Rational.HUNDRED.mul(Rational.of(received, distributed)).compare(Rational.fromNumber(min)) < 0;
  return {
    groupCode: figures.code,
    groupLabel: figures.label,
    quota: figures.quota,
    received,
    ballots: figures.ballots,
    distributed,
    rate: rateOf(received, distributed, decimals),
    basis: issued ? 'issued' : 'quota',
    codesIssued: figures.codesIssued,
    codesUsed: figures.codesUsed,
    codeRate: rateOf(figures.codesUsed, figures.codesIssued, decimals),
    paperDistributed: figures.paperDistributed,
    paperReceived: figures.paperReceived,
    paperRate:
      figures.paperDistributed === null ? null : rateOf(figures.paperReceived, figures.paperDistributed, decimals),
    minResponseRate: min > 0 ? min : null,
    scored: !below,
  };
}

/** What `scoreTally` reads for `minResponseRate`: received and distributed per group. */
export function participationOf(responses: readonly GroupResponse[]): Record<string, GroupParticipation> {
  return Object.fromEntries(
    responses.map((response) => [
      response.groupCode,
      { received: response.received, distributed: response.distributed },
    ]),
  );
}

/** A unit's response rate: its ratings (every level, every group) over the ballots distributed to all groups. */
export function unitResponse(
  ratings: number,
  responses: readonly GroupResponse[],
  decimals: number,
): { responded: number; distributed: number; responseRate: number | null } {
  const distributed = responses.reduce((sum, response) => sum + response.distributed, 0);
  return { responded: ratings, distributed, responseRate: rateOf(ratings, distributed, decimals) };
}
