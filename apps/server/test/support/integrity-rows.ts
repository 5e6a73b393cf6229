import { randomUUID } from 'node:crypto';

// One row of every kind that names a unit (and an evaluator group), written
// with plain SQL so the same fixture fills a database of the previous schema
// (the migration test) and of the current one (the refusal tests).

/** Anything that runs SQL: a DataSource or a QueryRunner. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs `text` with `?` placeholders on either database. */
export async function run<T = Record<string, unknown>>(
  db: Sql,
  pg: boolean,
  text: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  let n = 0;
  const sql = pg ? text.replace(/\?/g, () => `$${(n += 1)}`) : text;
  const result = await db.query(sql, parameters);
  return (Array.isArray(result) ? result : []) as T[];
}

export interface RowTarget {
  readonly bureauId: number;
  readonly campaignId: number;
  readonly unitCode: string;
  readonly groupCode: string;
  readonly day: string;
  /** The previous schema: attachment without campaign_id, policy_action.item_ids. */
  readonly previousSchema?: boolean;
}

/** The kinds {@link insertRowsNamingUnit} writes, as the refusal names them (`uses[].kind`). */
export const UNIT_ROW_KINDS = [
  'rating',
  'opinion',
  'unitPlan',
  'rectificationItem',
  'attachment',
  'inspection',
  'criticismNotice',
  'accountabilityRecord',
  'policyAction',
  'unitIndicatorValue',
  'opinionProblem',
] as const;

/** Writes one row of each {@link UNIT_ROW_KINDS} naming `unitCode`; returns the ids a test may look for. */
export async function insertRowsNamingUnit(
  db: Sql,
  pg: boolean,
  t: RowTarget,
): Promise<{ ballotId: string; itemId: number; policyActionId: number }> {
  const { bureauId: b, campaignId: c, unitCode: u, groupCode: g, day } = t;
  const ballotId = randomUUID();
  await run(
    db,
    pg,
    'INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) VALUES (?, ?, ?, ?, ?, ?)',
    [ballotId, b, c, g, 'paper', day],
  );
  await run(
    db,
    pg,
    'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
    [ballotId, u, c, g, 'satisfied'],
  );
  await run(
    db,
    pg,
    'INSERT INTO opinion (id, bureau_id, campaign_id, unit_code, evaluator_group_code, text, received_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [randomUUID(), b, c, u, g, '窗口服务态度好', day],
  );
  await run(
    db,
    pg,
    'INSERT INTO unit_plan (bureau_id, campaign_id, unit_code, title, body, filed_on, filed_by, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [b, c, u, '工作方案', '正文', day, 'liaison', 1],
  );
  const item = await run<{ id: number }>(
    db,
    pg,
    `INSERT INTO rectification_item (bureau_id, campaign_id, unit_code, title, description, state, evidence, deadline, opened_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)${pg ? ' RETURNING id' : ''}`,
    [b, c, u, '办事排队时间长', '群众反映', 'open', '[]', day, day],
  );
  const itemId = Number(
    pg
      ? item[0]?.id
      : ((await run<{ id: number }>(db, pg, 'SELECT MAX(id) AS id FROM rectification_item'))[0]?.id ?? 0),
  );
  await run(
    db,
    pg,
    t.previousSchema
      ? 'INSERT INTO attachment (bureau_id, item_id, unit_code, name, content_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)'
      : 'INSERT INTO attachment (bureau_id, campaign_id, item_id, unit_code, name, content_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    t.previousSchema
      ? [b, itemId, u, 'a.pdf', 'application/pdf', 3, 'f'.repeat(64)]
      : [b, c, itemId, u, 'a.pdf', 'application/pdf', 3, 'f'.repeat(64)],
  );
  await run(
    db,
    pg,
    'INSERT INTO inspection (bureau_id, campaign_id, kind, date, unit_code, focus_areas, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [b, c, 'open', day, u, 'safety', '检查'],
  );
  await run(
    db,
    pg,
    'INSERT INTO criticism_notice (bureau_id, campaign_id, unit_code, title, text, issued_on) VALUES (?, ?, ?, ?, ?, ?)',
    [b, c, u, '通报', '正文', day],
  );
  await run(
    db,
    pg,
    'INSERT INTO accountability_record (bureau_id, campaign_id, unit_code, person, measure, decided_on) VALUES (?, ?, ?, ?, ?, ?)',
    [b, c, u, '张三', '诫勉谈话', day],
  );
  await run(
    db,
    pg,
    `INSERT INTO policy_action (bureau_id, campaign_id, unit_code, kind, title, text, state${t.previousSchema ? ', item_ids' : ''}) VALUES (?, ?, ?, ?, ?, ?, ?${t.previousSchema ? ', ?' : ''})`,
    [b, c, u, 'add', '窗口服务规范', '正文', 'drafted', ...(t.previousSchema ? [JSON.stringify([itemId])] : [])],
  );
  const policyActionId = Number(
    (await run<{ id: number }>(db, pg, 'SELECT MAX(id) AS id FROM policy_action'))[0]?.id ?? 0,
  );
  await run(
    db,
    pg,
    'INSERT INTO unit_indicator_value (bureau_id, campaign_id, unit_code, indicator_code, value) VALUES (?, ?, ?, ?, ?)',
    [b, c, u, 'cases', '12'],
  );
  await run(db, pg, 'INSERT INTO opinion_problem (bureau_id, campaign_id, unit_code, title) VALUES (?, ?, ?, ?)', [
    b,
    c,
    u,
    '排队时间长',
  ]);
  return { ballotId, itemId, policyActionId };
}
