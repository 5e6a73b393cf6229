/** The unit × indicator table of the indicators page: pure helpers. */
import { writeCsv } from '@pingyi/csv';

export interface IndicatorDeclaration {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly unit: string | null;
  readonly description: string | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly integer: boolean;
  readonly sortOrder: number;
}

export interface IndicatorValue {
  readonly unitCode: string;
  readonly indicatorCode: string;
  readonly value: number;
}

export interface IndicatorUnit {
  readonly code: string;
  readonly name: string;
  readonly appraised: boolean;
  readonly sortOrder: number;
}

export interface IndicatorRow {
  readonly unitCode: string;
  readonly unitName: string;
  /** indicator code → value (absent when none was entered) */
  readonly values: Readonly<Record<string, number>>;
}

/**
 * One row per unit that is appraised or has a value (in the units' order),
 * then rows for unit codes the values name but the unit list does not have.
 */
export function indicatorRows(units: readonly IndicatorUnit[], values: readonly IndicatorValue[]): IndicatorRow[] {
  const byUnit = new Map<string, Record<string, number>>();
  for (const value of values) {
    const row = byUnit.get(value.unitCode) ?? {};
    row[value.indicatorCode] = value.value;
    byUnit.set(value.unitCode, row);
  }
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  for (const unit of [...units].sort((a, b) => a.sortOrder - b.sortOrder)) {
    if (!unit.appraised && !byUnit.has(unit.code)) continue;
    seen.add(unit.code);
    rows.push({ unitCode: unit.code, unitName: unit.name, values: byUnit.get(unit.code) ?? {} });
  }
  for (const [unitCode, row] of byUnit)
    if (!seen.has(unitCode)) rows.push({ unitCode, unitName: unitCode, values: row });
  return rows;
}

/** What an inline edit typed: a number to save, null to remove the value, or a reason it cannot be sent. */
export type ParsedValue =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly reason: 'not_a_number' | 'not_integer' | 'below_min' | 'above_max' };

/** Reads a typed value against the declaration (the server checks again). Empty removes the value. */
export function parseIndicatorValue(
  text: string,
  indicator: Pick<IndicatorDeclaration, 'min' | 'max' | 'integer'>,
): ParsedValue {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return { ok: false, reason: 'not_a_number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  if (indicator.integer && !Number.isInteger(value)) return { ok: false, reason: 'not_integer' };
  if (indicator.min !== null && value < indicator.min) return { ok: false, reason: 'below_min' };
  if (indicator.max !== null && value > indicator.max) return { ok: false, reason: 'above_max' };
  return { ok: true, value };
}

/** A CSV template: `unit,<indicator>,...` with one line per row, current values filled in (LF; `bom` for Excel). */
export function indicatorCsvTemplate(
  indicators: readonly Pick<IndicatorDeclaration, 'code'>[],
  rows: readonly IndicatorRow[],
  options: { bom?: boolean } = {},
): string {
  const header = ['unit', ...indicators.map((indicator) => indicator.code)];
  const lines = rows.map((row) => [row.unitCode, ...indicators.map((indicator) => row.values[indicator.code] ?? null)]);
  return writeCsv([header, ...lines], { eol: '\n', ...options });
}

/** The input of `setCampaignIndicators` for the declarations plus one more (replacing one of the same code). */
export function declarationsWith(
  declarations: readonly IndicatorDeclaration[],
  added: Omit<IndicatorDeclaration, 'id' | 'sortOrder'>,
) {
  const input = (d: Omit<IndicatorDeclaration, 'id' | 'sortOrder'>) => ({
    code: d.code,
    label: d.label,
    unit: d.unit,
    description: d.description,
    min: d.min,
    max: d.max,
    integer: d.integer,
  });
  const kept = [...declarations].sort((a, b) => a.sortOrder - b.sortOrder).filter((d) => d.code !== added.code);
  return [...kept.map(input), input(added)];
}
