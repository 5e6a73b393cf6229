import { generateAccessCode, Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer, today } from '@pingyi/testing';
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cast,
  createPaperBatch,
  dayOf,
  issueCodes,
  type JsonObject,
  paperCsv,
  rowsOf,
  uploadKeying,
} from './support/ballot-fixtures';
import { type DumpedRows, kendallTau, pgDump, rowsOfPgDump, rowsOfSqliteCopy } from './support/dump-order';

const LEVELS = ['satisfied', 'fairlySatisfied', 'basicallySatisfied', 'notVerySatisfied', 'dissatisfied', 'unknown'];
const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
/** Voters in the experiment: enough that a random order's |τ| stays far below 0.3 (σ ≈ 0.09). */
const VOTERS = 60;
/** The mixer's slice in this test: longer than the casting takes, so the window is one batch of the timer's. */
const SLICE = '30s';

/** The columns each anonymous table has, exactly: a new column needs an anonymity review (and this list updated). */
const EXPECTED_COLUMNS: Record<string, string[]> = {
  ballot: ['bureau_id', 'campaign_id', 'cast_on', 'channel', 'evaluator_group_code', 'id', 'is_demo', 'paper_batch_id'],
  rating: ['ballot_id', 'campaign_id', 'evaluator_group_code', 'level_code', 'unit_code'],
  opinion: [
    'bureau_id',
    'campaign_id',
    'evaluator_group_code',
    'id',
    'is_demo',
    'received_on',
    'status',
    'text',
    'unit_code',
  ],
  access_code: ['batch_id', 'bureau_id', 'campaign_id', 'code_hash', 'evaluator_group_code', 'id', 'state', 'used_on'],
  ballot_box: ['campaign_id', 'id', 'sealed'],
  // the office's review tags: the opinion and the tag, nothing of who or when
  opinion_tag: ['opinion_id', 'tag'],
  // a group's contacts: people the office reminds, never an evaluator
  evaluator_group_contact: [
    'bureau_id',
    'campaign_id',
    'email',
    'evaluator_group_code',
    'id',
    'name',
    'organization',
    'phone',
    'sort_order',
  ],
  // a reminder: the group's count against its quota on a day (what participation shows), who sent it; no time, no unit
  group_reminder: [
    'ballots',
    'bureau_id',
    'campaign_id',
    'contact_count',
    'evaluator_group_code',
    'id',
    'quota',
    'sent_by',
    'sent_on',
  ],
};
/** Where their foreign keys may point: campaign-level rows only (the integrity keys name the campaign's groups, units and paper batches), never a code or a user. */
const ALLOWED_REFERENCES: Record<string, string[]> = {
  ballot: ['bureau', 'campaign', 'evaluator_group', 'paper_batch'],
  rating: ['ballot', 'evaluator_group', 'unit'],
  opinion: ['bureau', 'campaign', 'evaluator_group', 'unit'],
  access_code: ['access_code_batch', 'bureau', 'campaign', 'evaluator_group'],
  ballot_box: ['campaign'],
  opinion_tag: ['opinion'],
  evaluator_group_contact: ['bureau', 'campaign', 'evaluator_group'],
  group_reminder: ['bureau', 'campaign', 'evaluator_group'],
};

/** Voter i's ratings: a combination of levels no other voter has, so a ballot tells whose it is (for the test only). */
const ratingsOf = (i: number) =>
  UNITS.map((unit, u) => ({ unit, level: LEVELS[Math.floor(i / 6 ** u) % 6] as string }));
const voterOfRatings = (levels: Record<string, string>): number =>
  UNITS.reduce((sum, unit, u) => sum + LEVELS.indexOf(levels[unit] as string) * 6 ** u, 0);
const opinionOf = (i: number): string => `意见 第${i}号 窗口排队`;

/**
 * The experiment of issue 11, on one database: 60 codes of one group cast in
 * a shuffled order from 60 addresses, every other voter first typing a code
 * that was never issued. Then, from the live database and from a dump (`pg_dump`;
 * the SQLite file after a checkpoint): no transaction id shared by an access
 * code and a counted row, the dump order of ballots, ratings and opinions
 * unrelated to the cast order, the audit log with nothing to align, no secret.
 */
export function ballotAnonymitySuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let codes: string[];
  /** castOrder[k] = the voter who cast k-th. */
  const castOrder: number[] = [];
  const receipts: string[] = [];
  const mistyped = new Set<number>();
  const address = (voter: number): string => `10.31.${Math.floor(voter / 200)}.${(voter % 200) + 1}`;

  const columnsOf = async (table: string): Promise<{ name: string; type: string }[]> =>
    database === 'postgres'
      ? (
          await rowsOf<{ name: string; type: string }>(
            server,
            `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${table}'`,
          )
        ).sort((a, b) => a.name.localeCompare(b.name))
      : (
          await rowsOf<{ name: string; type: string }>(server, `SELECT name, type FROM pragma_table_info('${table}')`)
        ).sort((a, b) => a.name.localeCompare(b.name));
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
      : [
          ...new Set(
            (await rowsOf<{ table: string }>(server, `SELECT "table" FROM pragma_foreign_key_list('${table}')`)).map(
              (row) => row.table,
            ),
          ),
        ].sort();
  const allTables = async (): Promise<string[]> =>
    (
      await rowsOf<{ name: string }>(
        server,
        database === 'postgres'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
          : "SELECT name FROM sqlite_master WHERE type = 'table'",
      )
    ).map((row) => row.name);
  const sqliteFile = (): string => path.join(server.config.dataDir, 'pingyi.sqlite');
  const databaseUrl = (): string => (server.config.database.type === 'postgres' ? server.config.database.url : '');
  /** The whole database as an operator would copy it: `pg_dump`, or the SQLite file (and its WAL) as bytes. */
  const dumpText = async (): Promise<string> => {
    if (database === 'postgres') return pgDump(databaseUrl());
    return [sqliteFile(), `${sqliteFile()}-wal`]
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('utf8'))
      .join('\n');
  };
  /** A table's rows in dump order. */
  const dumped = async (table: string): Promise<DumpedRows> => {
    if (database === 'postgres') return rowsOfPgDump(pgDump(databaseUrl()), table);
    await server.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    return rowsOfSqliteCopy(sqliteFile(), table);
  };
  const participationBallots = async (): Promise<number> =>
    (
      await server.gqlOk<{ participation: { ballots: number } }>(
        `query($c: ID!) { participation(campaignId: $c) { ballots } }`,
        { c: campaignId },
        office,
      )
    ).participation.ballots;
  const boxSize = async (): Promise<number> =>
    Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n);

  beforeAll(async () => {
    server = await createTestServer({
      database,
      env: { PINGYI_TRUST_PROXY: 'loopback', PINGYI_MIX_INTERVAL: SLICE, PINGYI_MIX_MIN_BATCH: '1000' },
    });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, {
      groups: [
        { code: 'residents', label: '城乡居民', quota: 300 },
        { code: 'enterpriseRepresentatives', label: '企业代表', quota: 100 },
      ],
    });
    codes = (await issueCodes(server, office, campaignId, 'residents', VOTERS)).codes;
  });
  afterAll(() => server?.close());

  it('casts in a shuffled order from as many addresses, typos first, and a tally at any moment counts every receipt given', async () => {
    const order = Array.from({ length: VOTERS }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const [k, voter] of order.entries()) {
      if (k % 2 === 0) {
        mistyped.add(voter);
        expect(
          (await cast(server, { code: generateAccessCode(), ratings: ratingsOf(voter) }, address(voter))).errorCode,
        ).toBe('INVALID_CODE');
      }
      const receipt = await cast(
        server,
        {
          code: codes[voter] as string,
          ratings: ratingsOf(voter),
          opinions: [{ unit: 'legal-affairs', text: opinionOf(voter) }],
        },
        address(voter),
      );
      expect(receipt.__typename).toBe('BallotReceipt');
      receipts.push(receipt.receiptNumber as string);
      castOrder.push(voter);
      expect(await participationBallots()).toBe(receipts.length);
    }
  }, 120_000);

  it('keeps the window sealed: while ballots wait in the box, a dump holds no rating, opinion or counted row of them', async () => {
    expect(await boxSize()).toBe(VOTERS);
    expect(Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot'))[0]?.n)).toBe(0);
    const dump = await dumpText();
    for (const voter of castOrder.slice(0, 10)) expect(dump).not.toContain(opinionOf(voter));
    expect(Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM rating'))[0]?.n)).toBe(0);
  });

  it(`mixes the box into the counted tables within the slice (${SLICE}), one batch, on its own timer`, async () => {
    const started = Date.now();
    while ((await boxSize()) > 0) {
      if (Date.now() - started > 90_000) throw new Error('the box was not mixed within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot'))[0]?.n)).toBe(VOTERS);
    expect(await participationBallots()).toBe(VOTERS);
  }, 120_000);

  it('has no column on ballots, ratings or opinions that could name a code, a user, an address or a moment', async () => {
    for (const [table, expected] of Object.entries(EXPECTED_COLUMNS)) {
      const columns = await columnsOf(table);
      expect(
        columns.map((column) => column.name),
        table,
      ).toEqual(expected);
      expect(await referencesOf(table), `${table} references`).toEqual(ALLOWED_REFERENCES[table]);
    }
    for (const [table, column] of [
      ['ballot', 'cast_on'],
      ['opinion', 'received_on'],
      ['access_code', 'used_on'],
    ] as const) {
      expect((await columnsOf(table)).find((c) => c.name === column)?.type.toLowerCase(), `${table}.${column}`).toBe(
        'date',
      );
    }
    for (const table of await allTables()) {
      const references = await referencesOf(table);
      if (references.includes('ballot')) expect(table).toBe('rating');
      if (references.includes('opinion')) expect(['opinion_problem_member', 'opinion_tag']).toContain(table);
    }
  });

  it('keeps only the day: the ballots, the opinions and the used codes all say today and nothing finer', async () => {
    const days = new Set([
      ...(await rowsOf<{ d: unknown }>(server, 'SELECT cast_on AS d FROM ballot')).map((row) => dayOf(row.d)),
      ...(await rowsOf<{ d: unknown }>(server, 'SELECT received_on AS d FROM opinion')).map((row) => dayOf(row.d)),
      ...(await rowsOf<{ d: unknown }>(server, "SELECT used_on AS d FROM access_code WHERE state = 'used'")).map(
        (row) => dayOf(row.d),
      ),
    ]);
    expect([...days]).toEqual([today()]);
  });

  it(
    database === 'postgres'
      ? 'shares no transaction id (xmin) between any access-code row and any counted ballot, rating or opinion row'
      : 'keeps no transaction id on rows (SQLite): a ballot shares nothing with its code but the day and group',
    async () => {
      if (database === 'sqlite') {
        expect(await columnsOf('ballot')).not.toContainEqual(expect.objectContaining({ name: 'xmin' }));
        return;
      }
      const xids = async (table: string): Promise<Set<string>> =>
        new Set((await rowsOf<{ x: string }>(server, `SELECT xmin::text AS x FROM ${table}`)).map((row) => row.x));
      const codeXids = await xids('access_code');
      for (const table of ['ballot', 'rating', 'opinion']) {
        const counted = await xids(table);
        expect(
          [...counted].filter((x) => codeXids.has(x)),
          table,
        ).toEqual([]);
      }
      // the used codes were re-touched together: their xmin says only which batch they were in
      expect(
        (
          await rowsOf<{ n: string }>(
            server,
            "SELECT COUNT(DISTINCT xmin::text) AS n FROM access_code WHERE state = 'used'",
          )
        )[0]?.n,
      ).toBe('1');
    },
  );

  it('dumps ballots, ratings and opinions in an order unrelated to the cast order (|Kendall τ| < 0.3)', async () => {
    const castRank = new Map(castOrder.map((voter, k) => [voter, k]));
    const levelsByBallot = new Map<string, Record<string, string>>();
    const ratings = await dumped('rating');
    for (const row of ratings)
      levelsByBallot.set(row.ballot_id as string, {
        ...levelsByBallot.get(row.ballot_id as string),
        [row.unit_code as string]: row.level_code as string,
      });
    const voterOfBallot = (id: string): number => voterOfRatings(levelsByBallot.get(id) ?? {});
    const taus: Record<string, number> = {};
    const tauOf = (voters: readonly number[]): number =>
      kendallTau(
        voters.map((_, i) => i),
        voters.map((voter) => castRank.get(voter) as number),
      );
    const ballots = (await dumped('ballot')).filter((row) => row.campaign_id === campaignId);
    expect(ballots).toHaveLength(VOTERS);
    taus.ballot = tauOf(ballots.map((row) => voterOfBallot(row.id as string)));
    const firstSeen: number[] = [];
    for (const row of ratings) {
      const voter = voterOfBallot(row.ballot_id as string);
      if (!firstSeen.includes(voter)) firstSeen.push(voter);
    }
    taus.rating = tauOf(firstSeen);
    const opinions = (await dumped('opinion')).map((row) => Number(/第(\d+)号/.exec(row.text as string)?.[1]));
    expect(opinions).toHaveLength(VOTERS);
    taus.opinion = tauOf(opinions);
    // the used codes in storage order (PostgreSQL: page and place in page; SQLite: rowid, the order of issue)
    const used = await rowsOf<{ id: number; place: string }>(
      server,
      database === 'postgres'
        ? "SELECT id, ctid::text AS place FROM access_code WHERE state = 'used' ORDER BY ctid"
        : "SELECT id, rowid AS place FROM access_code WHERE state = 'used' ORDER BY rowid",
    );
    const firstId = Math.min(...used.map((row) => Number(row.id)));
    taus.accessCode = tauOf(used.map((row) => Number(row.id) - firstId));
    console.info(
      `[${database}] Kendall τ against the cast order: ${Object.entries(taus)
        .map(([table, tau]) => `${table} ${tau.toFixed(2)}`)
        .join(', ')}`,
    );
    for (const [table, tau] of Object.entries(taus)) expect(Math.abs(tau), table).toBeLessThan(0.3);
  });

  it('keeps no audit row per ballot, only a count per day and group; the failures keep their address but nothing lines up with a ballot', async () => {
    const entries = await rowsOf<{ success: boolean | number; ip: string | null }>(
      server,
      "SELECT success, ip FROM audit_entry WHERE operation = 'castBallot' ORDER BY id",
    );
    expect(entries.filter((entry) => Boolean(entry.success))).toEqual([]);
    expect(entries).toHaveLength(mistyped.size);
    expect(new Set(entries.map((entry) => entry.ip))).toEqual(new Set([...mistyped].map(address)));
    const counts = await rowsOf<{ group_code: string; count: number }>(
      server,
      "SELECT group_code, count FROM audit_daily_count WHERE operation = 'castBallot'",
    );
    expect(counts.map((row) => ({ group: row.group_code, count: Number(row.count) }))).toEqual([
      { group: 'residents', count: VOTERS },
    ]);
  });

  it('leaves no secret, plain code, receipt number or address of a successful voter in a dump', async () => {
    const dump = await dumpText();
    const secret = fs.readFileSync(path.join(server.config.dataDir, 'server-secret'), 'utf8').trim();
    expect(dump).not.toContain(secret);
    expect(await rowsOf(server, 'SELECT * FROM server_setting')).toEqual([]);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
    for (const receipt of receipts) expect(dump).not.toContain(receipt);
    const everyRow = JSON.stringify(
      await Promise.all((await allTables()).map((table) => rowsOf(server, `SELECT * FROM "${table}"`))),
    );
    for (const voter of castOrder.filter((v) => !mistyped.has(v)))
      expect(everyRow).not.toContain(`"${address(voter)}"`);
    expect(await boxSize()).toBe(0);
  });

  it('casts exactly one ballot when 200 requests race with one code', async () => {
    const [shared] = (await issueCodes(server, office, campaignId, 'enterpriseRepresentatives', 1)).codes;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        cast(
          server,
          { code: shared as string, ratings: ratingsOf(1) },
          `10.32.${Math.floor(i / 200)}.${(i % 200) + 1}`,
        ),
      ),
    );
    expect(results.filter((result) => result.__typename === 'BallotReceipt')).toHaveLength(1);
    expect(results.filter((result) => result.errorCode === 'CODE_ALREADY_USED')).toHaveLength(199);
    expect(await participationBallots()).toBe(VOTERS + 1);
  });

  it('sends paper ballots through the same box and mixer', async () => {
    const batch = await createPaperBatch(server, office, campaignId, 'anon-paper');
    const waiting = await boxSize();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      group: '企业代表',
      cells: { 'traffic-police': ['满意', '不满意', '基本满意'][i % 3] as string },
    }));
    expect((await uploadKeying(server, office, batch, 1, paperCsv(UNITS, rows))).body.batch.state).toBe('imported');
    // sealed in the box, like online ballots, until the mixer counts them; counted meanwhile all the same
    expect(await boxSize()).toBe(waiting + 30);
    const { participation } = await server.gqlOk<{ participation: JsonObject }>(
      `query($c: ID!) { participation(campaignId: $c) { ballots groups { code online paper } } }`,
      { c: campaignId },
      office,
    );
    expect(participation.groups).toEqual([
      { code: 'residents', online: VOTERS, paper: 0 },
      { code: 'enterpriseRepresentatives', online: 1, paper: 30 },
    ]);
  });
}
