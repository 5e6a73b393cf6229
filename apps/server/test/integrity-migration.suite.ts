import { type TestDatabase } from '@pingyi/testing';
import { type DataSource } from 'typeorm';
import { afterEach, expect, it } from 'vitest';
import { SET_UNITS, UNITS } from './support/campaign-content';
import { insertRowsNamingUnit, run, UNIT_ROW_KINDS } from './support/integrity-rows';
import {
  currentServerOn,
  dataSourceAt,
  freshDatabase,
  insertKeptCampaign,
  migrations,
} from './support/previous-version';

const INTEGRITY = migrations.findIndex((m) => m.name.startsWith('ReferentialIntegrity'));
const DAY = '2026-10-20';

interface Filled {
  readonly bureauId: number;
  readonly campaignId: number;
  readonly itemId: number;
  readonly secondItemId: number;
  readonly jsonActionId: number;
  readonly commaActionId: number;
}

/** A database at the migration before referential integrity, holding rows in every table it changes, written with plain SQL. */
async function fillPrevious(db: DataSource, pg: boolean): Promise<Filled> {
  const yes = pg ? 'true' : '1';
  const { bureauId, campaignId } = await insertKeptCampaign(db, pg, 'rectification');
  for (const [i, unit] of UNITS.entries()) {
    await run(
      db,
      pg,
      `INSERT INTO unit (bureau_id, campaign_id, code, name, parent_code, appraised, sort_order) VALUES (?, ?, ?, ?, ?, ${unit.appraised ? yes : pg ? 'false' : '0'}, ?)`,
      [bureauId, campaignId, unit.code, unit.name, unit.parentCode, i],
    );
  }
  const { itemId, policyActionId: jsonActionId } = await insertRowsNamingUnit(db, pg, {
    bureauId,
    campaignId,
    unitCode: 'legal-affairs',
    groupCode: 'residents',
    day: DAY,
    previousSchema: true,
  });
  // a second item, and a policy action listing it and a missing item comma-separated
  const second = await insertRowsNamingUnit(db, pg, {
    bureauId,
    campaignId,
    unitCode: 'traffic-police',
    groupCode: 'enterpriseRepresentatives',
    day: DAY,
    previousSchema: true,
  });
  await run(db, pg, 'UPDATE policy_action SET item_ids = ? WHERE id = ?', [
    `${second.itemId},999999, ${itemId}`,
    second.policyActionId,
  ]);
  // what the old checks let through: rows naming a unit and a group that are gone, a ballot of a batch that is gone
  await run(
    db,
    pg,
    'INSERT INTO opinion (id, bureau_id, campaign_id, unit_code, evaluator_group_code, text, received_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ['00000000-0000-4000-8000-000000000001', bureauId, campaignId, 'gone-unit', 'gone-group', '意见', DAY],
  );
  await run(
    db,
    pg,
    'INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, paper_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ['00000000-0000-4000-8000-000000000002', bureauId, campaignId, 'residents', 'paper', DAY, 424242],
  );
  // the other tables the keys reach
  await run(
    db,
    pg,
    'INSERT INTO access_code_batch (bureau_id, campaign_id, evaluator_group_code, count) VALUES (?, ?, ?, ?)',
    [bureauId, campaignId, 'residents', 1],
  );
  const batchId = Number((await run<{ id: number }>(db, pg, 'SELECT MAX(id) AS id FROM access_code_batch'))[0]?.id);
  await run(
    db,
    pg,
    'INSERT INTO access_code (bureau_id, campaign_id, batch_id, evaluator_group_code, code_hash) VALUES (?, ?, ?, ?, ?)',
    [bureauId, campaignId, batchId, 'residents', 'a'.repeat(64)],
  );
  await run(
    db,
    pg,
    "INSERT INTO paper_batch (bureau_id, campaign_id, code, double_keyed, state) VALUES (?, ?, 'P1', ?, 'open')",
    [bureauId, campaignId, pg ? false : 0],
  );
  const paperBatchId = Number((await run<{ id: number }>(db, pg, 'SELECT MAX(id) AS id FROM paper_batch'))[0]?.id);
  await run(
    db,
    pg,
    "INSERT INTO paper_keying (bureau_id, campaign_id, batch_id, keying, state, file_name, format, checksum, size_bytes) VALUES (?, ?, ?, 1, 'valid', 'a.csv', 'csv', ?, 10)",
    [bureauId, campaignId, paperBatchId, 'b'.repeat(64)],
  );
  await run(
    db,
    pg,
    'INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, paper_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ['00000000-0000-4000-8000-000000000003', bureauId, campaignId, 'residents', 'paper', DAY, paperBatchId],
  );
  await run(
    db,
    pg,
    'INSERT INTO paper_reconciliation (bureau_id, campaign_id, evaluator_group_code, slips_issued) VALUES (?, ?, ?, ?)',
    [bureauId, campaignId, 'residents', 10],
  );
  await run(
    db,
    pg,
    "INSERT INTO result_snapshot (bureau_id, campaign_id, policy, standings, rating_count, small_cell_k, published_at, published_by) VALUES (?, ?, '{}', '[]', 2, 5, ?, 'office')",
    [bureauId, campaignId, new Date().toISOString()],
  );
  await run(
    db,
    pg,
    "INSERT INTO rectification_history (bureau_id, item_id, event, to_state, role, at, date, details) VALUES (?, ?, 'open', 'open', 'office', ?, ?, '{}')",
    [bureauId, itemId, new Date().toISOString(), DAY],
  );
  return {
    bureauId,
    campaignId,
    itemId,
    secondItemId: second.itemId,
    jsonActionId,
    commaActionId: second.policyActionId,
  };
}

/** The referential-integrity migration on a database that holds data, and its refusal of data it cannot repair. */
export function integrityMigrationSuite(database: TestDatabase): void {
  const pg = database === 'postgres';
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('upgrades a database with data in every affected table: rows kept, item ids linked, dates typed, orphans given back their unit, keys enforced', async () => {
    expect(INTEGRITY).toBeGreaterThan(0);
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const previous = await dataSourceAt(db.config, INTEGRITY);
    let filled: Filled;
    try {
      await previous.runMigrations({ transaction: 'each' });
      filled = await fillPrevious(previous, pg);
    } finally {
      await previous.destroy();
    }
    const server = await currentServerOn(database, db);
    try {
      const admin = await server.adminToken();
      const applied = await run<{ name: string }>(server.dataSource, pg, 'SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));

      // item_ids became rows, in order, the missing item dropped; the API shape is the same
      const actions = await server.gql(
        'query($c: ID!) { policyActions(campaignId: $c) { items { id itemIds } } }',
        { c: String(filled.campaignId) },
        admin,
      );
      const byId = Object.fromEntries(
        actions.data.policyActions.items.map((a: { id: string; itemIds: string[] }) => [a.id, a.itemIds]),
      );
      expect(byId).toEqual({
        [filled.jsonActionId]: [String(filled.itemId)],
        [filled.commaActionId]: [String(filled.secondItemId), String(filled.itemId)],
      });
      const detail = await server.gql(
        'query($id: ID!) { policyAction(id: $id) { itemIds items { id } } }',
        { id: String(filled.commaActionId) },
        admin,
      );
      expect(detail.data.policyAction.items.map((i: { id: string }) => i.id)).toEqual(
        [String(filled.itemId), String(filled.secondItemId)].sort((a, b) => Number(a) - Number(b)),
      );

      // local dates are dates now, with the same days
      const item = await server.gql(
        'query($id: ID!) { rectificationItem(id: $id) { deadline openedOn } }',
        { id: String(filled.itemId) },
        admin,
      );
      expect(item.data.rectificationItem).toMatchObject({ deadline: DAY, openedOn: DAY });
      const types = pg
        ? await run<{ type: string }>(
            server.dataSource,
            pg,
            "SELECT data_type AS type FROM information_schema.columns WHERE table_name IN ('rectification_item', 'inspection', 'policy_action') AND column_name IN ('deadline', 'date', 'adopted_on')",
          )
        : [
            ...(await run<{ type: string }>(
              server.dataSource,
              pg,
              "SELECT type FROM pragma_table_info('rectification_item') WHERE name = 'deadline'",
            )),
            ...(await run<{ type: string }>(
              server.dataSource,
              pg,
              "SELECT type FROM pragma_table_info('inspection') WHERE name = 'date'",
            )),
          ];
      expect(types.map((t) => t.type.toLowerCase())).toEqual(pg ? ['date', 'date', 'date'] : ['date', 'date']);

      // every row kept; the orphan's unit and group are back, named by their codes; the lost batch reference cleared
      for (const [table, n] of [
        ['ballot', 4],
        ['rating', 2],
        ['opinion', 3],
        ['attachment', 2],
        ['access_code', 1],
        ['paper_keying', 1],
        ['result_snapshot', 1],
        ['rectification_history', 1],
      ] as const) {
        expect(Number((await run(server.dataSource, pg, `SELECT COUNT(*) AS n FROM ${table}`))[0]?.n), table).toBe(n);
      }
      expect(await run(server.dataSource, pg, "SELECT name FROM unit WHERE code = 'gone-unit'")).toEqual([
        { name: 'gone-unit' },
      ]);
      expect(await run(server.dataSource, pg, "SELECT quota FROM evaluator_group WHERE code = 'gone-group'")).toEqual([
        { quota: 0 },
      ]);
      expect(
        await run(
          server.dataSource,
          pg,
          "SELECT paper_batch_id FROM ballot WHERE id = '00000000-0000-4000-8000-000000000002'",
        ),
      ).toEqual([{ paper_batch_id: null }]);
      const attachments = await run<{ campaign_id: number }>(
        server.dataSource,
        pg,
        'SELECT DISTINCT campaign_id FROM attachment',
      );
      expect(attachments.map((a) => Number(a.campaign_id))).toEqual([filled.campaignId]);
      if (!pg) expect(await run(server.dataSource, pg, 'PRAGMA foreign_key_check')).toEqual([]);

      // the keys hold: a unit still named is refused with every kind, a foreign bureau's row is refused by the database
      const refused = await server.gql(
        SET_UNITS.replace('... on ErrorResult', '... on InUseError { uses { kind count } } ... on ErrorResult'),
        { c: String(filled.campaignId), units: UNITS.filter((u) => u.code !== 'legal-affairs') },
        admin,
      );
      expect(refused.data.setUnits.uses.map((u: { kind: string }) => u.kind).sort()).toEqual(
        [...UNIT_ROW_KINDS].sort(),
      );
      await run(
        server.dataSource,
        pg,
        `INSERT INTO bureau (code, name, host) VALUES ('other', 'Other', ${pg ? 'false' : '0'})`,
      );
      const other = Number(
        (await run<{ id: number }>(server.dataSource, pg, "SELECT id FROM bureau WHERE code = 'other'"))[0]?.id,
      );
      await expect(
        run(
          server.dataSource,
          pg,
          'INSERT INTO opinion_problem (bureau_id, campaign_id, unit_code, title) VALUES (?, ?, ?, ?)',
          [other, filled.campaignId, 'legal-affairs', 'x'],
        ),
      ).rejects.toThrow(/foreign key/i);
      // a campaign with ballots and results is archived, not deleted (the cascade is gone)
      await expect(
        run(server.dataSource, pg, 'DELETE FROM campaign WHERE id = ?', [filled.campaignId]),
      ).rejects.toThrow(/foreign key/i);
    } finally {
      await server.close({ keepData: true });
    }
  });

  it("stops, naming the table, on a row whose bureau is not its campaign's", async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const previous = await dataSourceAt(db.config, INTEGRITY);
    try {
      await previous.runMigrations({ transaction: 'each' });
      const filled = await fillPrevious(previous, pg);
      await run(previous, pg, `INSERT INTO bureau (code, name, host) VALUES ('other', 'Other', ${pg ? 'false' : '0'})`);
      const other = Number(
        (await run<{ id: number }>(previous, pg, "SELECT id FROM bureau WHERE code = 'other'"))[0]?.id,
      );
      await run(previous, pg, 'UPDATE inspection SET bureau_id = ? WHERE campaign_id = ?', [other, filled.campaignId]);
    } finally {
      await previous.destroy();
    }
    const current = await dataSourceAt(db.config, migrations.length);
    try {
      await expect(current.runMigrations({ transaction: 'each' })).rejects.toThrow(
        /2 row\(s\) of inspection have \(bureau_id, campaign_id\) that name no campaign/,
      );
      // nothing of it was applied
      expect(await current.showMigrations()).toBe(true);
    } finally {
      await current.destroy();
    }
  });
}
