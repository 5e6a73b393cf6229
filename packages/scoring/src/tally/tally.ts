import { PingyiError, type RatingScale } from '@pingyi/domain';
import { LevelCounts, UnitCounts } from './level-counts.js';

/** One line of a tally: `count` ratings of `level` for `unit` from `group`. */
export interface TallyRow {
  readonly unit: string;
  /** Evaluator group code; leave out when the tally has no groups. */
  readonly group?: string;
  readonly level: string;
  /** A whole number ≥ 0. */
  readonly count: number;
  /** The unit's series (序列/类别); the same on every row of a unit, empty or absent for none. */
  readonly series?: string;
  /** Source line (CSV), so an error can name it. */
  readonly line?: number;
}

/** What a tally is checked against: a policy fits (its scale and optional groups). */
export interface TallyShape {
  readonly scale: RatingScale;
  /** When present, every row must name one of these groups. */
  readonly groups?: readonly { readonly code: string }[];
}

/** Index arrays accepted by {@link Tally.fromRatings}. */
export type IndexArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * Individual ratings in parallel typed arrays: rating `i` is level
 * `levels[level[i]]` for unit `units[unit[i]]` from group `groups[group[i]]`.
 */
export interface RatingArrays {
  readonly scale: RatingScale;
  readonly units: readonly string[];
  /** Group codes; leave out (with `group`) for a tally without groups. */
  readonly groups?: readonly string[];
  readonly unit: IndexArray;
  readonly group?: IndexArray;
  /** Index into `scale`. */
  readonly level: IndexArray;
  /** The series of each unit, parallel to `units` (null for none); leave out for none at all. */
  readonly unitSeries?: readonly (string | null)[];
}

const invalid = (path: string, message: string, details?: Record<string, unknown>): never => {
  throw new PingyiError('INVALID_TALLY', message, path, details);
};

/**
 * Counts per unit × evaluator group × level: the only input a scoring
 * strategy sees. Counts live in one `Float64Array` (integers stay exact up to
 * 2^53, far beyond any province's ballots) at `(unit × groups + group) × levels + level`.
 * Units are ordered by code; groups follow the shape's order, or code order
 * when the shape lists none, so the order of the input never matters.
 */
export class Tally {
  private readonly unitIndex: ReadonlyMap<string, number>;
  private readonly groupIndex: ReadonlyMap<string, number>;
  private readonly levelIndex: ReadonlyMap<string, number>;

  private constructor(
    readonly scale: RatingScale,
    /** Unit codes. */
    readonly units: readonly string[],
    /** Evaluator group codes; empty when the tally has no groups. */
    readonly groups: readonly string[],
    /** The counts; see the class comment for the layout. */
    readonly counts: Float64Array,
    /** Each unit's series (序列/类别), parallel to `units`; null for a unit without one. */
    readonly series: readonly (string | null)[] = units.map(() => null),
  ) {
    this.unitIndex = new Map(units.map((code, i) => [code, i]));
    this.groupIndex = new Map(groups.map((code, i) => [code, i]));
    this.levelIndex = new Map(scale.map((level, i) => [level.code, i]));
  }

  /**
   * Builds a tally from rows; repeated (unit, group, level) rows add up.
   * Throws `INVALID_TALLY` naming the row (`line 14` when rows carry lines,
   * else `rows[13]`): empty unit, unknown level, a count that is not a whole
   * number ≥ 0, a group the shape does not list, a missing group when the
   * shape lists groups or other rows name one.
   */
  static fromRows(rows: Iterable<TallyRow>, shape: TallyShape): Tally {
    const list = [...rows];
    const where = (row: TallyRow, i: number) => (row.line === undefined ? `rows[${i}]` : `line ${row.line}`);
    const levelIndex = new Map(shape.scale.map((level, i) => [level.code, i]));
    const listed = shape.groups?.map((group) => group.code);
    const named = list.findIndex((row) => row.group !== undefined && row.group !== '');
    const groups = listed ?? [...new Set(list.flatMap((row) => (row.group ? [row.group] : [])))].sort(byCodeUnits);
    const groupIndex = new Map(groups.map((code, i) => [code, i]));

    list.forEach((row, i) => {
      const at = where(row, i);
      if (typeof row.unit !== 'string' || row.unit.trim() === '') invalid(at, 'unit is empty');
      if (!levelIndex.has(row.level)) {
        invalid(at, `unknown level "${row.level}" (levels: ${[...levelIndex.keys()].join(', ')})`, {
          level: row.level,
        });
      }
      if (typeof row.count !== 'number' || !Number.isSafeInteger(row.count) || row.count < 0) {
        invalid(at, `count must be a whole number ≥ 0, not ${String(row.count)}`);
      }
      if (row.group) {
        if (!groupIndex.has(row.group))
          invalid(at, `group "${row.group}" is not an evaluator group of the policy (${groups.join(', ')})`);
      } else if (listed) {
        invalid(at, `group is missing; the policy lists evaluator groups (${listed.join(', ')})`);
      } else if (named >= 0) {
        invalid(
          at,
          `group is missing while ${where(list[named] as TallyRow, named)} names one; name a group on every row or on none`,
        );
      }
    });

    const units = [...new Set(list.map((row) => row.unit))].sort(byCodeUnits);
    const unitIndex = new Map(units.map((code, i) => [code, i]));
    const seriesOf = new Map<string, { series: string | null; at: string }>();
    list.forEach((row, i) => {
      const series = typeof row.series === 'string' && row.series.trim() !== '' ? row.series.trim() : null;
      const first = seriesOf.get(row.unit);
      if (!first) seriesOf.set(row.unit, { series, at: where(row, i) });
      else if (first.series !== series) {
        const name = (value: string | null) => (value === null ? 'no series' : `series "${value}"`);
        invalid(
          where(row, i),
          `unit ${row.unit} is in ${name(series)} here but in ${name(first.series)} on ${first.at}; a unit has one series`,
        );
      }
    });
    const width = Math.max(groups.length, 1);
    const levels = shape.scale.length;
    const counts = new Float64Array(units.length * width * levels);
    const ballots = new Float64Array(units.length);
    list.forEach((row, i) => {
      const g = row.group ? (groupIndex.get(row.group) as number) : 0;
      const cell = ((unitIndex.get(row.unit) as number) * width + g) * levels + (levelIndex.get(row.level) as number);
      const sum = (counts[cell] as number) + row.count;
      if (!Number.isSafeInteger(sum))
        invalid(
          where(row, i),
          `the count for ${row.unit}/${row.group ?? '-'}/${row.level} grows beyond ${Number.MAX_SAFE_INTEGER}`,
        );
      counts[cell] = sum;
      const u = unitIndex.get(row.unit) as number;
      const total = (ballots[u] as number) + row.count;
      if (!Number.isSafeInteger(total))
        invalid(where(row, i), `the ballots of unit ${row.unit} add up beyond ${Number.MAX_SAFE_INTEGER} (2^53 − 1)`);
      ballots[u] = total;
    });
    return new Tally(
      shape.scale,
      units,
      groups,
      counts,
      units.map((unit) => seriesOf.get(unit)?.series ?? null),
    );
  }

  /**
   * Counts individual ratings held in typed arrays; the hot loop does one
   * bounds check and one increment per rating. Throws `INVALID_TALLY` naming
   * the first rating whose index is out of range, or mismatched array lengths.
   */
  static fromRatings(ratings: RatingArrays): Tally {
    const { scale, units, unit, group, level } = ratings;
    const groups = ratings.groups ?? [];
    checkCodes(units, 'units');
    checkCodes(groups, 'groups');
    if ((group === undefined) !== (ratings.groups === undefined))
      invalid('group', 'give both `groups` and `group`, or neither');
    const series = ratings.unitSeries ?? units.map(() => null);
    if (series.length !== units.length)
      invalid('unitSeries', `gives ${series.length} series for ${units.length} units`);
    const n = unit.length;
    if (level.length !== n || (group && group.length !== n)) {
      invalid(
        'level',
        `the index arrays differ in length (unit ${n}, level ${level.length}${group ? `, group ${group.length}` : ''})`,
      );
    }
    const U = units.length;
    const G = Math.max(groups.length, 1);
    const L = scale.length;
    const counts = new Float64Array(U * G * L);
    const bad = group ? countGrouped(counts, unit, group, level, U, G, L) : countUngrouped(counts, unit, level, U, L);
    if (bad >= 0) {
      invalid(
        `ratings[${bad}]`,
        `index out of range: unit ${unit[bad]} of ${U}, ${group ? `group ${group[bad]} of ${G}, ` : ''}level ${level[bad]} of ${L}`,
      );
    }
    return new Tally(scale, units, groups, counts, series.map(seriesCode));
  }

  /** The series (序列/类别) of a unit; null for none or a unit not in the tally. */
  seriesOf(unit: string): string | null {
    const u = this.unitIndex.get(unit);
    return u === undefined ? null : (this.series[u] ?? null);
  }

  /**
   * The same counts with units moved between series: each unit named in
   * `assignment` gets that series (null or '' for none); others keep theirs.
   */
  withSeries(assignment: ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>): Tally {
    const lookup = assignment instanceof Map ? assignment : new Map(Object.entries(assignment));
    const series = this.units.map((unit, i) =>
      lookup.has(unit) ? seriesCode(lookup.get(unit) ?? null) : (this.series[i] ?? null),
    );
    return new Tally(this.scale, this.units, this.groups, this.counts, series);
  }

  /**
   * The same tally without the votes of some evaluator groups (their counts
   * read as 0): what is scored when a group is reported but not scored.
   */
  withoutGroups(groups: readonly string[]): Tally {
    const drop = new Set(groups.map((group) => this.groupIndex.get(group)).filter((g): g is number => g !== undefined));
    if (drop.size === 0) return this;
    const counts = new Float64Array(this.counts);
    const width = Math.max(this.groups.length, 1);
    const L = this.scale.length;
    for (let u = 0; u < this.units.length; u++)
      for (const g of drop) counts.fill(0, (u * width + g) * L, (u * width + g + 1) * L);
    return new Tally(this.scale, this.units, this.groups, counts, this.series);
  }

  /** The count for one cell; leave `group` out to sum over all groups. Unknown codes count 0. */
  count(unit: string, level: string, group?: string): number {
    const u = this.unitIndex.get(unit);
    const l = this.levelIndex.get(level);
    if (u === undefined || l === undefined) return 0;
    const width = Math.max(this.groups.length, 1);
    const L = this.scale.length;
    if (group !== undefined) {
      const g = this.groupIndex.get(group);
      return g === undefined ? 0 : (this.counts[(u * width + g) * L + l] as number);
    }
    let total = 0;
    for (let g = 0; g < width; g++) total += this.counts[(u * width + g) * L + l] as number;
    return total;
  }

  /**
   * One unit's counts, read as a policy reads them: its scale's points and its
   * `unknownInDenominator` (by default the tally's own scale, no-opinion not
   * counted). The scale must have the tally's level codes in the same order.
   * Throws `UNKNOWN_UNIT` for a unit not in the tally.
   */
  unitCounts(
    unit: string,
    reading: { readonly scale?: RatingScale; readonly unknownInDenominator?: boolean } = {},
  ): UnitCounts {
    const u = this.unitIndex.get(unit);
    if (u === undefined) throw new PingyiError('UNKNOWN_UNIT', `"${unit}" is not a unit of the tally`);
    const scale = reading.scale ?? this.scale;
    if (scale.length !== this.scale.length || scale.some((level, i) => level.code !== this.scale[i]?.code)) {
      throw new PingyiError('INVALID_TALLY', "the scale differs from the tally's levels", 'scale');
    }
    const unknownInDenominator = reading.unknownInDenominator ?? false;
    const width = Math.max(this.groups.length, 1);
    const L = scale.length;
    const block = this.counts.subarray(u * width * L, (u + 1) * width * L);
    const total = new Float64Array(L);
    for (let i = 0; i < block.length; i++) total[i % L]! += block[i]!;
    const byGroup = this.groups.map(
      (_, g) => new LevelCounts(scale, block.subarray(g * L, (g + 1) * L), unknownInDenominator),
    );
    return new UnitCounts(unit, scale, total, unknownInDenominator, this.groups, byGroup);
  }
}

const seriesCode = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Plain UTF-16 code-unit order: the same on every machine and locale. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkCodes(codes: readonly string[], path: string): void {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (typeof code !== 'string' || code === '') invalid(`${path}[${i}]`, 'must be a non-empty code');
    if (seen.has(code)) invalid(`${path}[${i}]`, `duplicate code "${code}"`);
    seen.add(code);
  });
}

// The two hot loops: one comparison chain and one increment per rating. They
// return the index of the first out-of-range rating, or -1.
function countGrouped(
  counts: Float64Array,
  unit: IndexArray,
  group: IndexArray,
  level: IndexArray,
  U: number,
  G: number,
  L: number,
): number {
  for (let i = 0, n = unit.length; i < n; i++) {
    const u = unit[i] as number;
    const g = group[i] as number;
    const l = level[i] as number;
    if (u >= U || g >= G || l >= L) return i;
    counts[(u * G + g) * L + l]!++;
  }
  return -1;
}

function countUngrouped(counts: Float64Array, unit: IndexArray, level: IndexArray, U: number, L: number): number {
  for (let i = 0, n = unit.length; i < n; i++) {
    const u = unit[i] as number;
    const l = level[i] as number;
    if (u >= U || l >= L) return i;
    counts[u * L + l]!++;
  }
  return -1;
}
