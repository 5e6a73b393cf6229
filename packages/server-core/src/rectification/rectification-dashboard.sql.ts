import { addDays, type LocalDate, transitionFor } from '@pingyi/domain';
import { closedStates, DISMISSED, settledStates, stateList } from './rectification-sql';

/** The SQL dialects Pingyi runs on. */
export type SqlDialect = 'sqlite' | 'postgres';

/** A statement and its positional parameters, ready for the driver. */
export interface SqlStatement {
  readonly sql: string;
  readonly parameters: unknown[];
}

/** What the dashboard aggregate is asked for. */
export interface DashboardQueryInput {
  readonly bureauId: number;
  readonly campaignId: number;
  /** Today in the campaign's time zone, computed once by the caller. */
  readonly today: LocalDate;
  readonly dueSoonDays: number;
  /** A liaison's unit, or null for the whole bureau. */
  readonly unitCode: string | null;
}

/** One row of the aggregate: a unit's counts (numbers may arrive as text from PostgreSQL). */
export interface DashboardSqlRow {
  readonly unitCode: string;
  readonly items: number | string;
  readonly total: number | string;
  readonly closed: number | string;
  readonly dismissed: number | string;
  readonly overdue: number | string;
  readonly dueSoon: number | string;
  readonly supervised: number | string;
  readonly lookBacksDue: number | string;
  readonly supervisionReportsDue: number | string;
}

/** Fills `{name}` markers with each dialect's placeholders (`?` repeated, or `$n` reused). */
function bind(dialect: SqlDialect, template: string, values: Readonly<Record<string, unknown>>): SqlStatement {
  const parameters: unknown[] = [];
  const numbered = new Map<string, number>();
  const sql = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}}`);
    if (dialect === 'sqlite') {
      parameters.push(values[name]);
      return '?';
    }
    let n = numbered.get(name);
    if (n === undefined) {
      parameters.push(values[name]);
      n = parameters.length;
      numbered.set(name, n);
    }
    return `$${n}`;
  });
  return { sql, parameters };
}

/**
 * The dashboard aggregate in one statement, grouped by unit: the
 * rectification rate's counts (top-level items only; dismissed ones outside
 * the total; closed = the domain's CLOSED_STATES), overdue and due-soon items
 * (deadline before today / within the next days, not in the domain's
 * SETTLED_STATES; sub-items count too), supervised items, look-backs due
 * (in the states the look-back events accept) and supervision reports due.
 * The service and the benchmark's bare-driver baseline run this same text.
 */
export function dashboardStatement(dialect: SqlDialect, input: DashboardQueryInput): SqlStatement {
  const settled = stateList(settledStates());
  const closed = stateList(closedStates());
  const lookBackStates = stateList(transitionFor('lookBackConfirmed')?.from ?? []);
  const template = `SELECT unit_code AS "unitCode",
  COUNT(*) AS "items",
  SUM(CASE WHEN parent_id IS NULL AND state <> '${DISMISSED}' THEN 1 ELSE 0 END) AS "total",
  SUM(CASE WHEN parent_id IS NULL AND state IN (${closed}) THEN 1 ELSE 0 END) AS "closed",
  SUM(CASE WHEN parent_id IS NULL AND state = '${DISMISSED}' THEN 1 ELSE 0 END) AS "dismissed",
  SUM(CASE WHEN deadline < {today} AND state NOT IN (${settled}) THEN 1 ELSE 0 END) AS "overdue",
  SUM(CASE WHEN deadline >= {today} AND deadline <= {dueBy} AND state NOT IN (${settled}) THEN 1 ELSE 0 END) AS "dueSoon",
  SUM(CASE WHEN supervised THEN 1 ELSE 0 END) AS "supervised",
  SUM(CASE WHEN state IN (${lookBackStates}) AND look_back_due <= {today} THEN 1 ELSE 0 END) AS "lookBacksDue",
  SUM(CASE WHEN supervised AND supervision_report_due <= {today} THEN 1 ELSE 0 END) AS "supervisionReportsDue"
FROM rectification_item
WHERE bureau_id = {bureauId} AND campaign_id = {campaignId}${input.unitCode === null ? '' : ' AND unit_code = {unitCode}'}
GROUP BY unit_code
ORDER BY unit_code`;
  return bind(dialect, template, {
    bureauId: input.bureauId,
    campaignId: input.campaignId,
    today: input.today,
    dueBy: addDays(input.today, input.dueSoonDays),
    unitCode: input.unitCode,
  });
}
