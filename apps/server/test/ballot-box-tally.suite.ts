import { BallotBoxService, BallotMixer, Role, sqliteGateOf } from '@pingyi/server-core';
import { createCampaign, createTestServer, TEST_GROUPS, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createPaperBatch, paperCsv, rowsOf, uploadKeying } from './support/ballot-fixtures';

const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
const LEVELS = ['满意', '比较满意', '基本满意', '不满意'];
const GROUPS = TEST_GROUPS.map((group) => group.code);
/** Sheets in the box: enough that opening all of them on every poll shows. */
const SHEETS = 1500;
const POLLS = 6;

const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode ballots } } }`;
const PARTICIPATION = `query($c: ID!) { participation(campaignId: $c) { ballots opinions groups { code online paper } } }`;

/**
 * Tallies while ballots wait in the box (the defect found closing issue 11):
 * a tally read the box, the counted rows and the box again, retrying while
 * the mixer drained it, and opened every waiting entry on every try, so
 * standings polled with thousands of sheets waiting starved the server.
 * Now one read-only transaction holds both reads, and an entry is opened the
 * first time it is seen.
 */
export function ballotBoxTallySuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    // the timer never mixes here: the tests mix when they choose
    server = await createTestServer({ database, env: { PINGYI_MIX_MIN_BATCH: '100000', PINGYI_MIX_INTERVAL: '30m' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    const sheets = Array.from({ length: SHEETS }, (_, i) => ({
      group: GROUPS[i % GROUPS.length] as string,
      cells: Object.fromEntries(UNITS.map((unit, u) => [unit, LEVELS[(i + u) % LEVELS.length] as string])),
    }));
    const batch = await createPaperBatch(server, office, campaignId, '票箱统计-1');
    const imported = await uploadKeying(server, office, batch, 1, paperCsv(UNITS, sheets));
    expect(imported.body.batch).toMatchObject({ state: 'imported', ballots: SHEETS });
  }, 120_000);
  afterAll(() => server?.close());

  const ratingCount = async (): Promise<number> =>
    (await server.gqlOk<{ standings: { ratingCount: number } }>(STANDINGS, { c: campaignId }, office)).standings
      .ratingCount;
  const boxSize = async (): Promise<number> =>
    Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n);

  it(`opens each waiting entry once, not on every poll (${POLLS} polls of standings and participation, ${SHEETS} sheets waiting)`, async () => {
    expect(await boxSize()).toBe(SHEETS);
    const box = server.app.get(BallotBoxService);
    const opened = vi.spyOn(box as unknown as { open(rows: readonly unknown[]): unknown[] }, 'open');
    try {
      for (let poll = 0; poll < POLLS; poll += 1) {
        expect(await ratingCount()).toBe(SHEETS * UNITS.length);
        const { participation } = await server.gqlOk<{ participation: { ballots: number } }>(
          PARTICIPATION,
          { c: campaignId },
          office,
        );
        expect(participation.ballots).toBe(SHEETS);
      }
      const entries = opened.mock.calls.reduce((sum, [rows]) => sum + rows.length, 0);
      expect(entries).toBe(SHEETS);
    } finally {
      opened.mockRestore();
    }
  });

  it('counts every ballot once, in the box or counted, while the mixer empties the box', async () => {
    const box = server.app.get(BallotBoxService);
    let done = false;
    const mixing = server.app
      .get(BallotMixer)
      .mixAll()
      .finally(() => (done = true));
    const totals: number[] = [];
    // tallies taken while the batch is written and committed (SQLite: on the writer connection, in slices)
    while (!done || totals.length === 0) {
      const { counted, waiting } = await box.countWithBox(Number(campaignId), async (manager) =>
        Number(
          (await manager.query(`SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = ${Number(campaignId)}`))[0]?.n,
        ),
      );
      totals.push(counted + waiting.length);
      await new Promise((resolve) => setImmediate(resolve)); // as requests arrive: between event-loop turns
    }
    expect(await mixing).toBe(SHEETS);
    expect(new Set(totals)).toEqual(new Set([SHEETS]));
    expect(await boxSize()).toBe(0);
    expect(await ratingCount()).toBe(SHEETS * UNITS.length);
  });

  it('a tally is read only, and (SQLite) is answered while a writer holds the write lock', async () => {
    const box = server.app.get(BallotBoxService);
    await expect(
      box.countWithBox(Number(campaignId), (manager) => manager.query('UPDATE campaign SET name = name WHERE id = -1')),
    ).rejects.toThrow(/read[ -]only|does not write/);
    const gate = sqliteGateOf(server.dataSource);
    if (!gate) return;
    const release = await gate.writer.acquire(); // as a long import holds it
    try {
      const answer = await Promise.race([
        ratingCount(),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 5000)),
      ]);
      expect(answer).toBe(SHEETS * UNITS.length);
    } finally {
      release();
    }
  });
}
