import { BallotMixer, Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import * as ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPaperBatch, type JsonObject, paperCsv, rowsOf, uploadKeying } from './support/ballot-fixtures';

const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
const SHEETS: { group: string; cells: Record<string, string> }[] = [
  { group: '城乡居民', cells: { 'traffic-police': '满意', 'public-order': '比较满意', 'legal-affairs': '不了解' } },
  { group: 'residents', cells: { 'traffic-police': 'dissatisfied' } },
  { group: '企业代表', cells: { 'public-order': '基本满意', 'legal-affairs': '?' } },
];

async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评议表');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The same paper sheets keyed again (issue 10, part 3): a file whose bytes
 * differ (line endings, BOM, quoting, spacing, labels for codes, column and
 * row order, XLSX for CSV) but whose sheets another batch holds is refused
 * naming that batch; `allowRepeatOf` imports it on purpose, audited.
 */
export function paperRepeatsSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let batchNumber = 0;
  const newBatch = (doubleKeyed = false) =>
    createPaperBatch(server, office, campaignId, `重复-${(batchNumber += 1)}`, doubleKeyed);
  // counted ballots, once the ballot box (where an imported batch's sheets wait) has been mixed
  const ballots = async (): Promise<number> => {
    await server.app.get(BallotMixer).mixAll();
    return Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot'))[0]?.n);
  };

  beforeAll(async () => {
    server = await createTestServer({ database });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
  });
  afterAll(() => server?.close());

  const expectRepeatOf = (body: JsonObject, batchId: string, code: string): void => {
    expect(body.batch.state).toBe('rejected');
    expect(body.batch.keyings[0]).toMatchObject({ state: 'invalid', problemCount: 1 });
    expect(body.batch.keyings[0].problems[0]).toMatchObject({
      line: 0,
      code: 'REPEATED_BATCH',
      repeats: { batchId, batchCode: code },
    });
    expect(body.batch.keyings[0].problems[0].reason).toContain(`allowRepeatOf=${batchId}`);
  };

  it('refuses the same sheets keyed again with other line endings, BOM, quoting, labels, column and row order, or as XLSX, naming the first batch', async () => {
    const first = await newBatch();
    const crlf = paperCsv(UNITS, SHEETS); // CRLF, codes in the header
    expect((await uploadKeying(server, office, first, 1, crlf)).body.batch).toMatchObject({
      state: 'imported',
      ballots: 3,
    });
    const stored = await ballots();

    const lf = `\uFEFF${crlf.replace(/\r\n/g, '\n')}`;
    const retyped = [
      '"评议对象类别" , 法制处,"交警支队",治安支队',
      '企业代表,"?", ,基本满意',
      '城乡居民, 不了解 ,满意,比较满意',
      'residents,,不满意,',
    ].join('\n');
    const sheet = await xlsxOf([
      ['group', '治安支队', '交警支队', '法制处'],
      ['residents', '', 'dissatisfied', ''],
      ['enterpriseRepresentatives', 'basicallySatisfied', '', '无法辨认'],
      ['城乡居民', '比较满意', '满意', 'unknown'],
    ]);
    for (const [body, name] of [
      [lf, 'lf.csv'],
      [retyped, 'retyped.csv'],
      [sheet, 'again.xlsx'],
    ] as const) {
      const again = await uploadKeying(server, office, await newBatch(), 1, body, { name });
      expect(again.status, name).toBe(202);
      expectRepeatOf(again.body, first, '重复-1');
    }
    expect(await ballots()).toBe(stored);
  });

  it('imports a deliberate repeat with allowRepeatOf naming the batch it repeats, and writes it to the audit log', async () => {
    const first = await newBatch();
    const code = `重复-${batchNumber}`;
    const csv = paperCsv(UNITS, [
      { group: '离退休干部', cells: { 'traffic-police': '满意', 'legal-affairs': '满意' } },
      { group: 'retiredCadres', cells: { 'public-order': '不满意' } },
    ]);
    expect((await uploadKeying(server, office, first, 1, csv)).body.batch.state).toBe('imported');
    const second = await newBatch();
    const lf = csv.replace(/\r\n/g, '\n');
    expectRepeatOf((await uploadKeying(server, office, second, 1, lf)).body, first, code);

    // an override that names another batch is no override
    const wrong = await server.fetch(
      `/paper-batches/${second}/keyings/1?wait=1&name=again.csv&allowRepeatOf=${Number(first) + 1000}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${office}`, 'content-type': 'text/csv' },
        body: new TextEncoder().encode(lf),
      },
    );
    expectRepeatOf((await wrong.json()) as JsonObject, first, code);

    const before = await ballots();
    const allowed = await server.fetch(
      `/paper-batches/${second}/keyings/1?wait=1&name=again.csv&allowRepeatOf=${first}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${office}`, 'content-type': 'text/csv' },
        body: new TextEncoder().encode(lf),
      },
    );
    const body = (await allowed.json()) as JsonObject;
    expect(body.batch).toMatchObject({ state: 'imported', ballots: 2 });
    expect(body.batch.keyings[0]).toMatchObject({ state: 'valid', repeatOfBatchId: first });
    expect(await ballots()).toBe(before + 2);
    const audit = await server.gql(
      '{ auditLog(options: { take: 100 }) { items { operation success args } } }',
      {},
      await server.adminToken(),
    );
    expect(audit.errors).toBeUndefined();
    const entries = (audit.data.auditLog.items as { operation: string; success: boolean; args: unknown }[]).filter(
      (e) => e.operation === 'repeatPaperBatch',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.success).toBe(true);
    expect(JSON.parse(String(entries[0]?.args))).toMatchObject({
      batchId: second,
      keying: 1,
      allowRepeatOf: first,
      repeatsBatchCode: code,
    });
  });

  it('takes the second keying of a double-keyed batch with the same sheets as the first (that is no repeat)', async () => {
    const id = await newBatch(true);
    const rows = [{ group: '企业代表', cells: { 'traffic-police': '满意' } }];
    expect((await uploadKeying(server, office, id, 1, paperCsv(UNITS, rows))).body.batch.state).toBe('open');
    const second = await uploadKeying(server, office, id, 2, paperCsv(UNITS, rows).replace(/\r\n/g, '\n'));
    expect(second.body.batch.state).toBe('readyToAccept');
    expect(second.body.batch.keyings.map((k: JsonObject) => k.state)).toEqual(['valid', 'valid']);
  });
}
