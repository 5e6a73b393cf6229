/** One indicator value of one unit. */
export interface IndicatorValueRow {
  readonly unit: string;
  readonly indicator: string;
  readonly value: number;
}

/** Values given as `{ unitCode: { indicatorCode: value } }` (handy in tests and the test kit). */
export type IndicatorValuesByUnit = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * The indicator values of one campaign: indicator code → unit code → value.
 * Immutable once built; what a bound strategy reads.
 */
export class IndicatorTable {
  private constructor(private readonly byIndicator: ReadonlyMap<string, ReadonlyMap<string, number>>) {}

  static readonly EMPTY = new IndicatorTable(new Map());

  /** From rows; a repeated (unit, indicator) keeps the last value. */
  static fromRows(rows: Iterable<IndicatorValueRow>): IndicatorTable {
    const byIndicator = new Map<string, Map<string, number>>();
    for (const row of rows) {
      let column = byIndicator.get(row.indicator);
      if (!column) byIndicator.set(row.indicator, (column = new Map()));
      column.set(row.unit, row.value);
    }
    return new IndicatorTable(byIndicator);
  }

  /** From `{ unit: { indicator: value } }`. */
  static fromUnits(values: IndicatorValuesByUnit): IndicatorTable {
    return IndicatorTable.fromRows(
      Object.entries(values).flatMap(([unit, indicators]) =>
        Object.entries(indicators).map(([indicator, value]) => ({ unit, indicator, value })),
      ),
    );
  }

  /** One unit's value, or undefined. */
  get(indicator: string, unit: string): number | undefined {
    return this.byIndicator.get(indicator)?.get(unit);
  }

  /** Every unit's value of one indicator (empty when none is entered). */
  column(indicator: string): ReadonlyMap<string, number> {
    return this.byIndicator.get(indicator) ?? new Map();
  }

  /** Codes of the indicators that have at least one value. */
  indicators(): string[] {
    return [...this.byIndicator.keys()];
  }

  get size(): number {
    let count = 0;
    for (const column of this.byIndicator.values()) count += column.size;
    return count;
  }
}
