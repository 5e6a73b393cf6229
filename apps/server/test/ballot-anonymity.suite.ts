import { Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, createCampaign, createPaperBatch, dayOf, gqlOk, issueCodes, type JsonObject, paperCsv, rowsOf, today, uploadKeying } from './support/ballot-fixtures';

const LEVELS = ['satisfied', 'fairlySatisfied', 'basicallySatisfied', 'notVerySatisfied', 'dissatisfied', 'unknown'];

/** The columns each anonymous table has, exactly: a new column needs an anonymity review (and this list updated). */
const EXPECTED_COLUMNS: Record<string, string[]> = {
  ballot: ['bureau_id', 'campaign_id', 'cast_on', 'channel', 'evaluator_group_code', 'id', 'is_demo', 'paper_batch_id'],
  rating: ['ballot_id', 'campaign_id', 'evaluator_group_code', 'level_code', 'unit_code'],
  opinion: ['bureau_id', 'campaign_id', 'evaluator_group_code', 'id', 'is_demo', 'received_on', 'status', 'text', 'unit_code'],
  access_code: ['batch_id', 'bureau_id', 'campaign_id', 'code_hash', 'evaluator_group_code', 'id', 'state', 'used_on'],
};
/** Where their foreign keys may point. */
// campaign-level rows only (the referential-integrity keys name the campaign's groups, units and paper batches), never a code or a user
const ALLOWED_REFERENCES: Record<string, string[]> = {
  ballot: ['bureau', 'campaign', 'evaluator_group', 'paper_batch'],
  rating: ['ballot', 'evaluator_group', 'unit'],
  opinion: ['bureau', 'campaign', 'evaluator_group', 'unit'],
  access_code: ['access_code_batch', 'bureau', 'campaign', 'evaluator_group'],
};

/**
 * Anonymity by construction, checked on the schema and on a dump taken after
 * ballots were cast: nothing stored links a ballot or an opinion to the
 * access code that cast it, to a user, an address or a time of day.
 */
export function ballotAnonymitySuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let codes: string[];
  const receipts: string[] = [];
  const castOrder: string[] = [];
  const blocksBefore = new Map<string, string>();

  const columnsOf = async (table: string): Promise<{ name: string; type: string }[]> =>
    database === 'postgres'
      ? (await rowsOf<{ name: string; type: string }>(server, `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${table}'`)).sort((a, b) => a.name.localeCompare(b.name))
      : (await rowsOf<{ name: string; type: string }>(server, `SELECT name, type FROM pragma_table_info('${table}')`)).sort((a, b) => a.name.localeCompare(b.name));
  const referencesOf = async (table: string): Promise<string[]> =>
    database === 'postgres'
      ? (
          await rowsOf<{ target: string }>(
            server,
            `SELECT DISTINCT ccu.table_name AS target FROM information_schema.table_constraints tc
             JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
             WHERE tc.table_name = '${table}' AND tc.constraint_type = 'FOREIGN KEY'`,
          )
        )
          .map((row) => row.target)
          .sort()
      : [...new Set((await rowsOf<{ table: string }>(server, `SELECT "table" FROM pragma_foreign_key_list('${table}')`)).map((row) => row.table))].sort();
  const allTables = async (): Promise<string[]> =>
    (
      await rowsOf<{ name: string }>(
        server,
        database === 'postgres' ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'" : "SELECT name FROM sqlite_master WHERE type = 'table'",
      )
    ).map((row) => row.name);

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    codes = (await issueCodes(server, office, campaignId, 'residents', 40)).codes;
    if (database === 'postgres') {
      for (const row of await rowsOf<{ id: number; ctid: string }>(server, 'SELECT id, ctid::text AS ctid FROM access_code')) blocksBefore.set(String(row.id), row.ctid.split(',')[0] as string);
    }
    // cast in a shuffled order, each ballot distinct, from one office address
    const order = codes.map((code, i) => ({ code, key: (i * 17) % 40 })).sort((a, b) => a.key - b.key);
    for (const [i, { code }] of order.entries()) {
      const receipt = await cast(
        server,
        {
          code,
          ratings: [
            { unit: 'traffic-police', level: LEVELS[i % 6] as string },
            { unit: 'public-order', level: LEVELS[Math.floor(i / 6) % 6] as string },
          ],
          ...(i % 4 === 0 ? { opinions: [{ unit: 'legal-affairs', text: `意见 ${i}` }] } : {}),
        },
        '10.30.0.1',
      );
      expect(receipt.__typename).toBe('BallotReceipt');
      receipts.push(receipt.receiptNumber as string);
      castOrder.push(`${LEVELS[i % 6]}|${LEVELS[Math.floor(i / 6) % 6]}`);
    }
  });
  afterAll(() => server?.close());

  it('has no column on ballots, ratings or opinions that could name a code, a user, an address or a moment', async () => {
    for (const [table, expected] of Object.entries(EXPECTED_COLUMNS)) {
      const columns = await columnsOf(table);
      expect(columns.map((column) => column.name), table).toEqual(expected);
      expect(await referencesOf(table), `${table} references`).toEqual(ALLOWED_REFERENCES[table]);
    }
    // days only, never times
    for (const [table, column] of [
      ['ballot', 'cast_on'],
      ['opinion', 'received_on'],
      ['access_code', 'used_on'],
    ] as const) {
      expect((await columnsOf(table)).find((c) => c.name === column)?.type.toLowerCase(), `${table}.${column}`).toBe('date');
    }
    // and no other table points at a ballot or an opinion except the ratings and the office's problem lists
    for (const table of await allTables()) {
      const references = await referencesOf(table);
      if (references.includes('ballot')) expect(table).toBe('rating');
      if (references.includes('opinion')) expect(table).toBe('opinion_problem_member');
    }
  });

  it('keeps only the day: the ballots, the opinions and the used codes all say today and nothing finer', async () => {
    const days = new Set([
      ...(await rowsOf<{ d: unknown }>(server, 'SELECT cast_on AS d FROM ballot')).map((row) => dayOf(row.d)),
      ...(await rowsOf<{ d: unknown }>(server, 'SELECT received_on AS d FROM opinion')).map((row) => dayOf(row.d)),
      ...(await rowsOf<{ d: unknown }>(server, "SELECT used_on AS d FROM access_code WHERE state = 'used'")).map((row) => dayOf(row.d)),
    ]);
    expect([...days]).toEqual([today()]);
  });

  it('leaves no plain code, receipt number or address in a dump of the whole database', async () => {
    const dump = JSON.stringify(await Promise.all((await allTables()).map((table) => rowsOf(server, `SELECT * FROM "${table}"`))));
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
    for (const receipt of receipts) expect(dump).not.toContain(receipt);
    // successful casts leave neither a guess counter nor an audited address behind
    expect(dump).not.toContain('10.30.0.1');
  });

  it(`stores ballots, ratings and opinions in the order of their random ids, not the order they were cast${database === 'postgres' ? ' (SQLite only: see the README for PostgreSQL)' : ''}`, async () => {
    if (database === 'postgres') {
      console.info('[postgres] heap order follows insertion; the README says what a pg_dump reveals and how to reorder');
      return;
    }
    // by construction: WITHOUT ROWID tables, whose rows SQLite keeps in the order of their primary key
    for (const table of ['ballot', 'rating', 'opinion']) {
      const [definition] = await rowsOf<{ sql: string }>(server, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '${table}'`);
      expect(definition?.sql, table).toMatch(/WITHOUT ROWID$/);
    }
    // and a dump (`SELECT *` with no ORDER BY, as sqlite3 .dump reads) lists rows sorted by their key,
    // or by an index whose only varying part is that random key: never by the time they came in
    const sortedBy = (rows: JsonObject[], key: (row: JsonObject) => string): boolean => rows.every((row, i) => i === 0 || key(rows[i - 1] as JsonObject) <= key(row));
    const keys: Record<string, ((row: JsonObject) => string)[]> = {
      ballot: [(r) => r.id, (r) => `${r.campaign_id}|${r.evaluator_group_code}|${r.id}`],
      rating: [(r) => `${r.ballot_id}|${r.unit_code}`, (r) => `${r.campaign_id}|${r.unit_code}|${r.evaluator_group_code}|${r.level_code}|${r.ballot_id}`],
      opinion: [(r) => r.id, (r) => `${r.campaign_id}|${r.unit_code}|${r.id}`, (r) => `${r.campaign_id}|${r.status}|${r.id}`],
    };
    for (const [table, candidates] of Object.entries(keys)) {
      const rows = await rowsOf<JsonObject>(server, `SELECT * FROM ${table}`);
      expect(rows.length, table).toBeGreaterThan(5);
      expect(candidates.some((key) => sortedBy(rows, key)), `${table} listed in key order`).toBe(true);
    }
    // the ballots as a dump lists them do not come in the order they were cast
    const listed = await rowsOf<{ id: string; a: string; b: string }>(
      server,
      "SELECT b.id, ra.level_code AS a, rb.level_code AS b FROM ballot b JOIN rating ra ON ra.ballot_id = b.id AND ra.unit_code = 'traffic-police' JOIN rating rb ON rb.ballot_id = b.id AND rb.unit_code = 'public-order' ORDER BY b.id",
    );
    expect(listed.map((row) => `${row.a}|${row.b}`)).not.toEqual(castOrder);
  });

  it('keeps access codes where they were issued: redeeming one does not move it', async () => {
    if (database === 'postgres') {
      // the used row version stays on the page of its issuance (fillfactor leaves room)
      const after = await rowsOf<{ id: number; ctid: string }>(server, "SELECT id, ctid::text AS ctid FROM access_code WHERE state = 'used'");
      expect(after.length).toBe(40);
      for (const row of after) expect(row.ctid.split(',')[0], `code ${row.id}`).toBe(blocksBefore.get(String(row.id)));
      return;
    }
    const ids = (await rowsOf<{ id: number }>(server, 'SELECT * FROM access_code')).map((row) => Number(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('counts participation per evaluator group, online and on paper, and nothing else', async () => {
    const batch = await createPaperBatch(server, office, campaignId, 'anon-1');
    const csv = paperCsv(['traffic-police', 'public-order', 'legal-affairs'], [
      { group: '企业代表', cells: { 'traffic-police': '满意' } },
      { group: '企业代表', cells: { 'public-order': '不满意' } },
      { group: '城乡居民', cells: { 'legal-affairs': '满意' } },
    ]);
    expect((await uploadKeying(server, office, batch, 1, csv)).body.batch.state).toBe('imported');
    const { participation } = await gqlOk<{ participation: JsonObject }>(
      server,
      `query($c: ID!) { participation(campaignId: $c) { quota ballots groups { code label quota online paper ballots rate } } }`,
      { c: campaignId },
      office,
    );
    expect(participation.groups).toEqual([
      { code: 'residents', label: '城乡居民', quota: 300, online: 40, paper: 1, ballots: 41, rate: 13.67 },
      { code: 'enterprises', label: '企业代表', quota: 100, online: 0, paper: 2, ballots: 2, rate: 2 },
      { code: 'retirees', label: '离退休干部', quota: 60, online: 0, paper: 0, ballots: 0, rate: 0 },
    ]);
    expect(participation).toMatchObject({ quota: 460, ballots: 43 });
  });
}
