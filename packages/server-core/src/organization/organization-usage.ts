import { type EntityManager } from 'typeorm';

// Where a campaign's unit codes are used, asked by table name so the
// organization module does not depend on the modules built on it. Used to
// refuse removing a unit that ratings, opinions, plans or work items name.

const TABLES = [
  { table: 'rating', what: 'ratings', column: 'unit_code' },
  { table: 'opinion', what: 'opinions', column: 'unit_code' },
  { table: 'unit_plan', what: 'a unit plan', column: 'unit_code' },
] as const;

/** What still names the unit, e.g. `["120 ratings", "2 work items"]`; empty when nothing does. */
export async function unitReferences(manager: EntityManager, campaignId: number, unitCode: string, unitId: number): Promise<string[]> {
  const pg = manager.connection.options.type === 'postgres';
  const [a, b] = pg ? ['$1', '$2'] : ['?', '?'];
  const found: string[] = [];
  for (const { table, what, column } of TABLES) {
    const rows = (await manager.query(`SELECT COUNT(*) AS n FROM ${table} WHERE campaign_id = ${a} AND ${column} = ${b}`, [campaignId, unitCode])) as { n: string | number }[];
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found.push(what === 'a unit plan' ? what : `${n} ${what}`);
  }
  const links = (await manager.query(`SELECT COUNT(*) AS n FROM work_item_lead_unit WHERE unit_id = ${a}`, [unitId])) as { n: string | number }[];
  const n = Number(links[0]?.n ?? 0);
  if (n > 0) found.push(`${n} work item(s) it leads`);
  return found;
}
