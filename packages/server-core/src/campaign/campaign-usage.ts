import { type EntityManager } from 'typeorm';

// What the appraisal and results tables hold for a campaign, asked by table
// name so the campaign module does not depend on the modules built on it.
// Used to refuse edits that would orphan stored ballots or snapshots.

const count = async (manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> => {
  const rows = (await manager.query(sql, parameters)) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
};

const placeholders = (manager: EntityManager, n: number): string[] =>
  Array.from({ length: n }, (_, i) => (manager.connection.options.type === 'postgres' ? `$${i + 1}` : '?'));

/** Ballots stored for the campaign (of one evaluator group, when given). */
export function countBallots(manager: EntityManager, campaignId: number, groupCode?: string): Promise<number> {
  const [a, b] = placeholders(manager, 2);
  return groupCode === undefined
    ? count(manager, `SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = ${a}`, [campaignId])
    : count(manager, `SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = ${a} AND evaluator_group_code = ${b}`, [campaignId, groupCode]);
}

/** Level codes that stored ratings of the campaign use. */
export async function levelCodesInUse(manager: EntityManager, campaignId: number): Promise<string[]> {
  const [a] = placeholders(manager, 1);
  const rows = (await manager.query(`SELECT DISTINCT level_code AS level FROM rating WHERE campaign_id = ${a}`, [campaignId])) as { level: string }[];
  return rows.map((row) => row.level);
}

/** Published result snapshots of the campaign. */
export function countSnapshots(manager: EntityManager, campaignId: number): Promise<number> {
  const [a] = placeholders(manager, 1);
  return count(manager, `SELECT COUNT(*) AS n FROM result_snapshot WHERE campaign_id = ${a}`, [campaignId]);
}
