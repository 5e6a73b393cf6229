import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import * as ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  codeOf,
  createPaperBatch,
  type JsonObject,
  mixBox,
  PAPER_BATCH,
  paperCsv,
  rowsOf as rowsOfNow,
  uploadKeying,
} from './support/ballot-fixtures';

// paper ballots pass the ballot box: the counted rows, once it is mixed
const rowsOf = async <T>(server: TestServer, sql: string): Promise<T[]> => {
  await mixBox(server);
  return rowsOfNow<T>(server, sql);
};

const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
const COMPARE = `query($id: ID!) { paperKeyingComparison(batchId: $id) { total rowsUnpaired mismatches { row lineFirst lineSecond unit first second } } }`;
const ACCEPT = `mutation($id: ID!, $r: [KeyingResolutionInput!]) {
  acceptPaperBatch(id: $id, resolutions: $r) { __typename ... on PaperBatch { state ballots spoilt } ... on ErrorResult { errorCode message path } }
}`;
const RECONCILIATION = `query($c: ID!) { paperReconciliation(campaignId: $c) { flagged groups { code label slipsIssued returned valid spoilt spoiltNotKeyed overIssued } } }`;
const SET_RECONCILIATION = `mutation($c: ID!, $g: String!, $n: Int!, $s: Int) {
  setPaperReconciliation(campaignId: $c, group: $g, slipsIssued: $n, spoiltNotKeyed: $s) { __typename ... on PaperReconciliation { flagged } ... on ErrorResult { errorCode message path } }
}`;

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评议表');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Paper ballots keyed from CSV and XLSX, all or nothing, on one database. */
export function paperBallotsSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let batchNumber = 0;
  const newBatch = (doubleKeyed = false) =>
    createPaperBatch(server, office, campaignId, `批次-${(batchNumber += 1)}`, doubleKeyed);
  const batchOf = async (id: string) =>
    (await server.gqlOk<{ paperBatch: JsonObject }>(PAPER_BATCH, { id }, office)).paperBatch;
  const count = async (sql: string): Promise<number> => Number((await rowsOf<{ n: number }>(server, sql))[0]?.n);

  beforeAll(async () => {
    server = await createTestServer({ database });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
  });
  afterAll(() => server?.close());

  it('imports a keyed CSV: every ballot and rating at once, blanks as abstentions, spoilt sheets counted', async () => {
    const id = await newBatch();
    const csv = paperCsv(
      UNITS,
      [
        {
          group: '城乡居民',
          cells: { 'traffic-police': '满意', 'public-order': '比较满意', 'legal-affairs': '不了解' },
        },
        { group: 'residents', cells: { 'traffic-police': 'dissatisfied' } },
        { group: '企业代表', cells: { 'public-order': '基本满意', 'legal-affairs': '?' } },
        { group: '企业代表', cells: {} },
        { group: '城乡居民', cells: { 'traffic-police': '无法辨认' } },
      ],
      ['交警支队', 'public-order', '法制处'],
    );
    const { status, body } = await uploadKeying(server, office, id, 1, csv, { name: '居民-01.csv' });
    expect(status).toBe(202);
    expect(body.batch).toMatchObject({ state: 'imported', ballots: 3, spoilt: 2 });
    const batch = await batchOf(id);
    expect(batch.keyings).toEqual([
      expect.objectContaining({
        keying: 1,
        state: 'valid',
        fileName: '居民-01.csv',
        format: 'csv',
        encoding: 'utf-8',
        rows: 5,
        problemCount: 0,
        problems: [],
        processedBytes: batch.keyings[0].sizeBytes,
      }),
    ]);
    expect(
      await count(`SELECT COUNT(*) AS n FROM ballot WHERE paper_batch_id = ${Number(id)} AND channel = 'paper'`),
    ).toBe(3);
    const ratings = await rowsOf<{ unit_code: string; level_code: string; evaluator_group_code: string }>(
      server,
      `SELECT r.unit_code, r.level_code, r.evaluator_group_code FROM rating r JOIN ballot b ON b.id = r.ballot_id WHERE b.paper_batch_id = ${Number(id)} ORDER BY r.unit_code, r.level_code`,
    );
    expect(ratings).toEqual([
      { unit_code: 'legal-affairs', level_code: 'unknown', evaluator_group_code: 'residents' },
      {
        unit_code: 'public-order',
        level_code: 'basicallySatisfied',
        evaluator_group_code: 'enterpriseRepresentatives',
      },
      { unit_code: 'public-order', level_code: 'fairlySatisfied', evaluator_group_code: 'residents' },
      { unit_code: 'traffic-police', level_code: 'dissatisfied', evaluator_group_code: 'residents' },
      { unit_code: 'traffic-police', level_code: 'satisfied', evaluator_group_code: 'residents' },
    ]);
    // the same file again, into another batch: a duplicate
    const again = await uploadKeying(server, office, await newBatch(), 1, csv);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ errorCode: 'DUPLICATE_FILE', batchId: id });
    expect(again.body.message).toMatch(/already uploaded on \d{4}-\d{2}-\d{2} as keying 1 of batch "批次-1"/);
    // and nothing more into an imported batch
    expect((await uploadKeying(server, office, id, 1, `${csv}\n`)).body.errorCode).toBe('BATCH_NOT_OPEN');
  });

  it('refuses a file with bad rows as a whole, listing every bad row and cell with its reason', async () => {
    const id = await newBatch();
    const before = await count('SELECT COUNT(*) AS n FROM ballot');
    const csv = [
      'group,交警支队,治安支队,法制处',
      '城乡居民,满意,满意,满意',
      '市民,满意,满意,满意',
      '城乡居民,很满意,满意,=1+1',
      ',满意,满意,满意',
      `城乡居民,${'满'.repeat(300)},满意,满意`,
      '城乡居民,满意,满意,满意,多出来',
    ].join('\n');
    const { body } = await uploadKeying(server, office, id, 1, csv);
    expect(body.batch.state).toBe('rejected');
    const [keying] = body.batch.keyings;
    expect(keying.state).toBe('invalid');
    expect(keying.problemCount).toBe(6);
    expect(keying.problems.map((p: { line: number; column: string; reason: string }) => [p.line, p.column])).toEqual([
      [3, 'A group'],
      [4, 'B 交警支队'],
      [4, 'D 法制处'],
      [5, 'A group'],
      [6, 'B 交警支队'],
      [7, 'E'],
    ]);
    expect(keying.problems[1].reason).toMatch(/not a level of the scale/);
    expect(keying.problems[2].reason).toMatch(/formula/);
    expect(keying.problems[4]).toMatchObject({
      value: `${'满'.repeat(40)}…`,
      reason: expect.stringMatching(/longer than 100 characters/),
    });
    expect(await count('SELECT COUNT(*) AS n FROM ballot')).toBe(before);
    // fixed, the batch imports
    const fixed = await uploadKeying(
      server,
      office,
      id,
      1,
      paperCsv(UNITS, [{ group: 'residents', cells: { 'traffic-police': '满意' } }]),
    );
    expect(fixed.body.batch).toMatchObject({ state: 'imported', ballots: 1 });
  });

  it.each([
    ['UTF-16 text', () => new Uint8Array([0xff, 0xfe, 0x67, 0x00, 0x72, 0x00]), /UTF-16/],
    ['an old .xls', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /\.xls/],
    ['binary bytes', () => new Uint8Array([0x67, 0x2c, 0x00, 0x01, 0x02]), /NUL bytes/],
    [
      'a header without the group column',
      () => new TextEncoder().encode('交警支队,治安支队,法制处\n满意,满意,满意\n'),
      /no evaluator group column/,
    ],
    [
      'a unit missing and an unknown one',
      () => new TextEncoder().encode('group,交警支队,治安支队,消防队\n城乡居民,满意,满意,满意\n'),
      /法制处 \(legal-affairs\) has no column/,
    ],
    ['an empty sheet', () => new TextEncoder().encode('\n\n'), /the file is empty/],
  ])('refuses %s with a report', async (_name, bytes, reason) => {
    const { body } = await uploadKeying(server, office, await newBatch(), 1, bytes());
    expect(body.batch.state).toBe('rejected');
    expect(body.batch.keyings[0].problems.map((p: { reason: string }) => p.reason).join('\n')).toMatch(reason);
  });

  it('reads GBK files as Excel saves them in China', async () => {
    const text = paperCsv(
      UNITS,
      [{ group: '城乡居民', cells: { 'traffic-police': '满意', 'legal-affairs': '不满意' } }],
      ['交警支队', '治安支队', '法制处'],
    );
    // iconv-lite comes with the server's HTTP stack
    const iconv = (await import('iconv-lite')).default;
    const { body } = await uploadKeying(server, office, await newBatch(), 1, new Uint8Array(iconv.encode(text, 'gbk')));
    expect(body.batch).toMatchObject({ state: 'imported', ballots: 1 });
    expect((await batchOf(body.batch.id)).keyings[0].encoding).toBe('gb18030');
  });

  it('imports XLSX and refuses formulas in it', async () => {
    const good = await xlsx([
      ['评议对象类别', '交警支队', '治安支队', '法制处'],
      ['企业代表', '满意', '', '比较满意'],
      ['城乡居民', '不满意', '满意', ''],
    ]);
    const imported = await uploadKeying(server, office, await newBatch(), 1, good, {
      name: 'keyed.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(imported.body.batch).toMatchObject({ state: 'imported', ballots: 2 });
    const formula = await xlsx([
      ['group', '交警支队', '治安支队', '法制处'],
      ['城乡居民', { formula: 'IF(TRUE,"满意","")', result: '满意' }, '满意', '满意'],
    ]);
    const refused = await uploadKeying(server, office, await newBatch(), 1, formula, { name: 'f.xlsx' });
    expect(refused.body.batch.state).toBe('rejected');
    expect(refused.body.batch.keyings[0].problems[0]).toMatchObject({
      line: 2,
      column: 'B 交警支队',
      reason: expect.stringMatching(/formula/),
    });
    const broken = await uploadKeying(
      server,
      office,
      await newBatch(),
      1,
      new TextEncoder().encode('PK\u0003\u0004 this is no zip'),
      { name: 'x.xlsx' },
    );
    expect(broken.body.batch.keyings[0].problems[0].reason).toMatch(/not a readable \.xlsx workbook/);
  });

  it('compares two keyings, lists every mismatch, and imports only once each is resolved', async () => {
    const id = await newBatch(true);
    const rows: { group: string; cells: Record<string, string> }[] = [
      { group: '城乡居民', cells: { 'traffic-police': '满意', 'public-order': '满意', 'legal-affairs': '满意' } },
      { group: '城乡居民', cells: { 'traffic-police': '不满意' } },
      { group: '企业代表', cells: { 'legal-affairs': '比较满意' } },
    ];
    const first = paperCsv(UNITS, rows);
    const first1 = await uploadKeying(server, office, id, 1, first, { name: 'typist-a.csv' });
    expect(first1.body.batch.state).toBe('open');
    expect((await server.gql(ACCEPT, { id }, office)).data.acceptPaperBatch.errorCode).toBe('BATCH_NOT_OPEN');
    // the same bytes as the second keying are refused: a second person must type it
    const same = await uploadKeying(server, office, id, 2, first);
    expect(same.status).toBe(409);
    expect(same.body.message).toMatch(/the other keying of this batch/);
    const second = paperCsv(UNITS, [
      rows[0] as { group: string; cells: Record<string, string> },
      { group: '城乡居民', cells: { 'traffic-police': '不太满意' } },
      { group: '城乡居民', cells: { 'legal-affairs': '比较满意' } },
    ]);
    expect((await uploadKeying(server, office, id, 2, second, { name: 'typist-b.csv' })).body.batch.state).toBe(
      'readyToAccept',
    );
    const comparison = (await server.gqlOk<{ paperKeyingComparison: JsonObject }>(COMPARE, { id }, office))
      .paperKeyingComparison;
    expect(comparison).toEqual({
      total: 2,
      rowsUnpaired: false,
      mismatches: [
        {
          row: 2,
          lineFirst: 3,
          lineSecond: 3,
          unit: 'traffic-police',
          first: 'dissatisfied',
          second: 'notVerySatisfied',
        },
        { row: 3, lineFirst: 4, lineSecond: 4, unit: null, first: 'enterpriseRepresentatives', second: 'residents' },
      ],
    });
    const open = (
      await server.gql(ACCEPT, { id, r: [{ row: 2, unit: 'traffic-police', value: 'notVerySatisfied' }] }, office)
    ).data.acceptPaperBatch;
    expect(open).toMatchObject({
      errorCode: 'KEYINGS_DIFFER',
      message: expect.stringMatching(/1 mismatches have no resolution/),
    });
    expect(await count(`SELECT COUNT(*) AS n FROM ballot WHERE paper_batch_id = ${Number(id)}`)).toBe(0);
    const accepted = (
      await server.gql(
        ACCEPT,
        {
          id,
          r: [
            { row: 2, unit: 'traffic-police', value: 'notVerySatisfied' },
            { row: 3, unit: null, value: 'enterpriseRepresentatives' },
          ],
        },
        office,
      )
    ).data.acceptPaperBatch;
    expect(accepted).toEqual({ __typename: 'PaperBatch', state: 'imported', ballots: 3, spoilt: 0 });
    const levels = await rowsOf<{ level_code: string; evaluator_group_code: string }>(
      server,
      `SELECT r.level_code, r.evaluator_group_code FROM rating r JOIN ballot b ON b.id = r.ballot_id WHERE b.paper_batch_id = ${Number(id)} AND r.unit_code <> 'public-order' ORDER BY r.level_code`,
    );
    expect(levels).toEqual([
      { level_code: 'fairlySatisfied', evaluator_group_code: 'enterpriseRepresentatives' },
      { level_code: 'notVerySatisfied', evaluator_group_code: 'residents' },
      { level_code: 'satisfied', evaluator_group_code: 'residents' },
      { level_code: 'satisfied', evaluator_group_code: 'residents' },
    ]);
    // the compact copies of the sheets are gone once the ballots are stored
    expect(
      await count(`SELECT COUNT(*) AS n FROM paper_keying WHERE batch_id = ${Number(id)} AND sheet_data IS NOT NULL`),
    ).toBe(0);
  });

  it('shows the progress of a large file while it is checked', async () => {
    const id = await newBatch();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      group: i % 2 ? '城乡居民' : '企业代表',
      cells: { 'traffic-police': '满意', 'public-order': '比较满意', 'legal-affairs': '' },
    }));
    const csv = paperCsv(UNITS, rows);
    const { status, body } = await uploadKeying(server, office, id, 1, csv, { wait: false });
    expect(status).toBe(202);
    expect(body.batch.state).toBe('validating');
    const seen = new Set<string>();
    let batch: JsonObject;
    for (;;) {
      batch = await batchOf(id);
      seen.add(batch.state);
      if (batch.state === 'imported' || batch.state === 'rejected' || batch.state === 'interrupted') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(batch).toMatchObject({ state: 'imported', ballots: 20_000 });
    expect(seen.has('validating') || seen.has('importing')).toBe(true);
    expect(batch.keyings[0].processedBytes).toBe(batch.keyings[0].sizeBytes);
  });

  it('reconciles per group: issued, returned, valid, spoilt, and flags more returned than issued', async () => {
    await server.gqlOk(SET_RECONCILIATION, { c: campaignId, g: 'enterpriseRepresentatives', n: 50_000, s: 3 }, office);
    await server.gqlOk(SET_RECONCILIATION, { c: campaignId, g: 'residents', n: 5 }, office);
    const { paperReconciliation } = await server.gqlOk<{
      paperReconciliation: { flagged: boolean; groups: JsonObject[] };
    }>(RECONCILIATION, { c: campaignId }, office);
    const residents = paperReconciliation.groups.find((g) => g.code === 'residents');
    const enterprises = paperReconciliation.groups.find((g) => g.code === 'enterpriseRepresentatives');
    const validResidents = await count(
      "SELECT COUNT(*) AS n FROM ballot WHERE channel = 'paper' AND evaluator_group_code = 'residents'",
    );
    expect(residents).toMatchObject({
      label: '城乡居民',
      slipsIssued: 5,
      valid: validResidents,
      spoilt: 1,
      returned: validResidents + 1,
      overIssued: true,
    });
    expect(enterprises).toMatchObject({ slipsIssued: 50_000, spoilt: 1 + 3, spoiltNotKeyed: 3, overIssued: false });
    expect(paperReconciliation.flagged).toBe(true);
    expect(paperReconciliation.groups.find((g) => g.code === 'retiredCadres')).toMatchObject({
      slipsIssued: null,
      returned: 0,
      overIssued: false,
    });
    expect(
      (await server.gql(SET_RECONCILIATION, { c: campaignId, g: 'nobody', n: 1 }, office)).data.setPaperReconciliation,
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'group' });
  });

  it('lets only the office and admins upload; refuses outside the appraisal window', async () => {
    const id = await newBatch();
    const csv = paperCsv(UNITS, [{ group: 'residents', cells: { 'traffic-police': '满意' } }]);
    expect((await uploadKeying(server, await server.loginAs(Role.leader), id, 1, csv)).status).toBe(403);
    expect((await uploadKeying(server, 'A'.repeat(43), id, 1, csv)).status).toBe(401);
    expect(codeOf(await server.gql(PAPER_BATCH, { id }, await server.loginAs(Role.liaison, 'traffic-police')))).toBe(
      'FORBIDDEN',
    );
    expect((await uploadKeying(server, office, id, 2, csv)).body).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'keying',
    });
    expect((await uploadKeying(server, office, '999999', 1, csv)).status).toBe(404);
    const other = await server.createBureau(`paper-${database}`);
    expect((await uploadKeying(server, other.adminToken, id, 1, csv)).status).toBe(404);
  });
}
