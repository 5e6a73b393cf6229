import { addDays, daysBetween, type LocalDate } from '@pingyi/domain';
import { type BallotToStore } from '../appraisal/ballot-storage.service';
import { DemoRandom } from './demo-random';

/** How likely each level is for a unit, in scale order (满意 … 不了解). */
export type LevelProfile = readonly number[];

/** What a synthetic ballot set is drawn from. */
export interface DemoBallotSpec {
  readonly seed: number;
  /** Evaluator groups with their quota, the share that returns a ballot, the share on paper and how harsh they rate. */
  readonly groups: readonly {
    readonly code: string;
    readonly quota: number;
    readonly turnout: number;
    readonly paper: number;
    readonly harshness: number;
  }[];
  /** Appraised units with their level profile. */
  readonly units: readonly { readonly code: string; readonly profile: LevelProfile }[];
  /** Level codes, best to worst; the last is the no-opinion level. */
  readonly levels: readonly string[];
  /** Ballots are cast on days in [from, to]. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Chance a ballot leaves a unit blank; per (group, unit) overrides. */
  readonly abstain: number;
  readonly abstainOverrides?: readonly { readonly group: string; readonly unit: string; readonly abstain: number }[];
}

/**
 * A deterministic synthetic ballot set: per group, round(quota × turnout)
 * ballots, each rating every unit (or leaving it blank) by the unit's profile
 * made harsher or milder by the group (mass moved between 满意 and the two
 * dissatisfied levels). Marked as demo data.
 */
export function generateDemoBallots(spec: DemoBallotSpec): BallotToStore[] {
  const random = new DemoRandom(spec.seed);
  const days = daysBetween(spec.from, spec.to) + 1;
  if (days < 1) throw new RangeError(`the demo ballots' days run from ${spec.from} to ${spec.to}`);
  const ballots: BallotToStore[] = [];
  for (const group of spec.groups) {
    const profiles = spec.units.map((unit) => ({ code: unit.code, weights: harshen(unit.profile, group.harshness) }));
    const abstainOf = new Map(
      profiles.map((unit) => [
        unit.code,
        spec.abstainOverrides?.find((o) => o.group === group.code && o.unit === unit.code)?.abstain ?? spec.abstain,
      ]),
    );
    const count = Math.min(group.quota, Math.round(group.quota * group.turnout));
    for (let i = 0; i < count; i += 1) {
      const ratings = profiles.flatMap((unit) =>
        random.next() < (abstainOf.get(unit.code) ?? 0)
          ? []
          : [{ unit: unit.code, level: spec.levels[random.weighted(unit.weights)] as string }],
      );
      if (ratings.length === 0) continue; // an empty sheet is not a ballot
      ballots.push({
        evaluatorGroupCode: group.code,
        channel: random.next() < group.paper ? 'paper' : 'online',
        castOn: addDays(spec.from, random.below(days)),
        isDemo: true,
        ratings,
      });
    }
  }
  return ballots;
}

// Moves `harshness` of the weight of the best level to the two dissatisfied levels (negative: the other way).
function harshen(profile: LevelProfile, harshness: number): number[] {
  const weights = [...profile];
  const moved = Math.min(Math.max(harshness, -0.5), 0.5) * (weights[0] ?? 0);
  weights[0] = (weights[0] ?? 0) - moved;
  weights[3] = Math.max((weights[3] ?? 0) + moved * 0.65, 0);
  weights[4] = Math.max((weights[4] ?? 0) + moved * 0.35, 0);
  return weights;
}
