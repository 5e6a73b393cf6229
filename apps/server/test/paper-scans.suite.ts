import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type JsonObject, mixBox, rowsOf, uploadKeying } from './support/ballot-fixtures';
import { markedScan, printRun, rasterise, scannerPdf, uploadScan } from './support/paper-scans';

const CREATE_SCANNED_BATCH = `mutation($c: ID!, $code: String!) {
  createPaperBatch(campaignId: $c, code: $code, scanned: true) { __typename ... on PaperBatch { id scanned state } ... on ErrorResult { errorCode message } }
}`;
const SCAN = `query($id: ID!) { paperBatch(id: $id) { id state ballots spoilt scanned
  scan { reading files pages sheets reviewPending reviewDecided opinionsPending opinionsTranscribed problems { file page code serial messageKey messageParamsJson } } } }`;
const REVIEW = `query($b: ID!, $p: Boolean) { scanReviewRows(batchId: $b, pendingOnly: $p) { id serial page groupLabel unitName reason candidateLevel decided decidedLevel cropUrl } }`;
const DECIDE = `mutation($id: ID!, $level: String) { decideScanRow(id: $id, level: $level) { __typename ... on ScanReviewRow { id decided decidedLevel } ... on ErrorResult { errorCode message } } }`;
const IMPORT = `mutation($b: ID!) { importScannedBatch(batchId: $b) { __typename ... on PaperBatch { state ballots spoilt } ... on ErrorResult { errorCode message details: messageParamsJson } } }`;
const RECONCILIATION = `query($c: ID!) { paperReconciliation(campaignId: $c) { groups { code printed scanned valid spoilt } } }`;

/** Printed sheets scanned, read, reviewed and imported: on one database. */
export function paperScansSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let printed: Awaited<ReturnType<typeof rasterise>>;
  let batchNumber = 0;
  const newBatch = async (c = campaignId): Promise<string> => {
    const { createPaperBatch } = await server.gqlOk<{ createPaperBatch: JsonObject }>(
      CREATE_SCANNED_BATCH,
      { c, code: `扫描-${(batchNumber += 1)}` },
      office,
    );
    return String(createPaperBatch.id);
  };
  const scanOf = async (id: string): Promise<JsonObject> =>
    (await server.gqlOk<{ paperBatch: JsonObject }>(SCAN, { id }, office)).paperBatch;

  beforeAll(async () => {
    server = await createTestServer({ database });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    printed = await rasterise((await printRun(server, office, campaignId, 'residents', 4)).pdf);
  });
  afterAll(() => server?.close());

  it('prints one page per sheet for three units and keeps the serials per group', async () => {
    expect(printed).toHaveLength(4);
    const [row] = await rowsOf<{ n: number }>(
      server,
      "SELECT COUNT(*) AS n FROM printed_sheet WHERE evaluator_group_code = 'residents'",
    );
    expect(Number(row?.n)).toBe(4);
  });

  it('reads a scanner PDF, sends doubtful rows to a person, and imports nothing before every row is decided', async () => {
    const id = await newBatch();
    const scans = [
      await markedScan(
        printed[0]!,
        3,
        1,
        [
          { kind: 'fill', level: 0 },
          { kind: 'tick', level: 1 },
          { kind: 'fill', level: 2 },
        ],
        { skewDeg: 1.5, jpegQuality: 80 },
      ),
      await markedScan(
        printed[1]!,
        3,
        1,
        [{ kind: 'double', levels: [0, 1] }, { kind: 'blank' }, { kind: 'fill', level: 4, ink: 'pencil' }],
        { skewDeg: -2, noise: 6, jpegQuality: 75 },
      ),
      await markedScan(
        printed[2]!,
        3,
        1,
        [
          { kind: 'cross', level: 3 },
          { kind: 'erased', erasedLevel: 0, level: 2 },
          { kind: 'fill', level: 5 },
        ],
        { upsideDown: true, jpegQuality: 80 },
      ),
    ];
    const upload = await uploadScan(server, office, id, await scannerPdf(scans), '居民-扫描-01.pdf');
    expect(upload.status).toBe(202);
    const batch = await scanOf(id);
    expect(batch.scan).toMatchObject({ reading: false, files: 1, pages: 3, sheets: 3, reviewPending: 2, problems: [] });

    const refused = (
      await server
        .gqlOk<{ importScannedBatch: JsonObject }>(IMPORT, { b: id }, office)
        .catch(async () => (await server.gql(IMPORT, { b: id }, office)).data as { importScannedBatch: JsonObject })
    ).importScannedBatch;
    expect(refused).toMatchObject({ __typename: 'ScanReviewPendingError', errorCode: 'SCAN_REVIEW_PENDING' });
    expect(Number((await rowsOf<{ n: number }>(server, `SELECT COUNT(*) AS n FROM ballot_box`))[0]?.n)).toBe(0);

    const rows = (await server.gqlOk<{ scanReviewRows: JsonObject[] }>(REVIEW, { b: id }, office)).scanReviewRows;
    expect(rows.map((r) => [r.unitName, r.reason]).sort()).toEqual([
      ['交警支队', 'double'],
      ['治安支队', 'erasure'],
    ]);
    const crop = await server.fetch(String(rows[0]!.cropUrl), { headers: { authorization: `Bearer ${office}` } });
    expect(crop.status).toBe(200);
    expect(crop.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await crop.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    for (const row of rows) {
      const level = row.reason === 'double' ? 'fairlySatisfied' : null;
      const { decideScanRow } = await server.gqlOk<{ decideScanRow: JsonObject }>(
        DECIDE,
        { id: row.id, level },
        office,
      );
      expect(decideScanRow).toMatchObject({ decided: true, decidedLevel: level });
    }
    const imported = (await server.gqlOk<{ importScannedBatch: JsonObject }>(IMPORT, { b: id }, office))
      .importScannedBatch;
    expect(imported).toMatchObject({ state: 'imported', ballots: 3, spoilt: 0 });
    await mixBox(server);
    const ratings = await rowsOf<{ unit: string; level: string; n: number }>(
      server,
      `SELECT r.unit_code AS unit, r.level_code AS level, COUNT(*) AS n FROM rating r JOIN ballot b ON b.id = r.ballot_id WHERE b.paper_batch_id = ${Number(id)} GROUP BY r.unit_code, r.level_code ORDER BY r.unit_code, r.level_code`,
    );
    expect(ratings.map((r) => `${r.unit}:${r.level}:${Number(r.n)}`)).toEqual([
      'legal-affairs:basicallySatisfied:1',
      'legal-affairs:dissatisfied:1',
      'legal-affairs:unknown:1',
      'public-order:fairlySatisfied:1',
      'traffic-police:fairlySatisfied:1',
      'traffic-police:notVerySatisfied:1',
      'traffic-police:satisfied:1',
    ]);
    const reconciliation = (
      await server.gqlOk<{ paperReconciliation: JsonObject }>(RECONCILIATION, { c: campaignId }, office)
    ).paperReconciliation;
    expect(reconciliation.groups.find((g: JsonObject) => g.code === 'residents')).toMatchObject({
      printed: 4,
      scanned: 3,
      valid: 3,
    });
  });

  it('recognises a sheet scanned twice, a page of another campaign, a blank page and a corrupt file, and counts none of them', async () => {
    const id = await newBatch();
    // another installation's sheet: its own campaign key
    const elsewhere = await createTestServer({ database: 'sqlite' });
    const elsewhereOffice = await elsewhere.loginAs(Role.office);
    const other = await createCampaign(elsewhere, elsewhereOffice);
    const [foreign] = await rasterise((await printRun(elsewhere, elsewhereOffice, other, 'residents', 1)).pdf);
    await elsewhere.close();
    const again = await markedScan(printed[0]!, 3, 1, [{ kind: 'fill', level: 0 }], {});
    const fresh = await markedScan(
      printed[3]!,
      3,
      1,
      [
        { kind: 'fill', level: 1 },
        { kind: 'fill', level: 1 },
        { kind: 'fill', level: 1 },
      ],
      {},
    );
    const blank = await sharpBlank();
    const stranger = await markedScan(foreign!, 3, 1, [{ kind: 'fill', level: 0 }], {});
    for (const [name, bytes] of [
      ['again.png', again],
      ['fresh.png', fresh],
      ['blank.png', blank],
      ['stranger.png', stranger],
      ['broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> garbage')],
      // parses, but its catalog has no page tree (pdf-lib only finds out when the pages are counted)
      [
        'catalog.pdf',
        new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF'),
      ],
    ] as const)
      expect((await uploadScan(server, office, id, bytes, name)).status).toBe(202);
    const batch = await scanOf(id);
    expect(batch.scan.sheets).toBe(1);
    expect(batch.scan.problems.map((p: JsonObject) => [p.file, p.code])).toEqual([
      ['again.png', 'SCAN_DUPLICATE_SHEET'],
      ['stranger.png', 'SCAN_OTHER_CAMPAIGN'],
      ['broken.pdf', 'SCAN_CORRUPT_FILE'],
      ['catalog.pdf', 'SCAN_CORRUPT_FILE'],
    ]);
    // the reader says what is wrong with the file, not that the server failed
    for (const problem of batch.scan.problems.filter((p: JsonObject) => String(p.file).endsWith('.pdf')))
      expect(JSON.parse(problem.messageParamsJson as string).detail).toMatch(/^PDF does not parse/);
    expect(
      (await server.gqlOk<{ importScannedBatch: JsonObject }>(IMPORT, { b: id }, office)).importScannedBatch,
    ).toMatchObject({
      state: 'imported',
      ballots: 1,
    });
  });

  it('refuses a keyed file for a scanned batch, and scans for a liaison', async () => {
    const id = await newBatch();
    const keyed = await uploadKeying(server, office, id, 1, 'group,交警支队\n城乡居民,满意\n');
    expect(keyed.status).toBe(409);
    expect(keyed.body).toMatchObject({ errorCode: 'BATCH_NOT_OPEN', messageKey: 'scanBatchKeyed' });
    const liaison = await server.loginAs(Role.liaison, 'traffic-police');
    const { errors } = await server.gql(REVIEW, { b: id }, liaison);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const upload = await server.fetch(`/paper-batches/${id}/scans?name=x.png`, {
      method: 'POST',
      headers: { authorization: `Bearer ${liaison}` },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(upload.status).toBe(403);
  });
}

async function sharpBlank(): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp({ create: { width: 1654, height: 2339, channels: 3, background: { r: 250, g: 250, b: 250 } } })
      .png()
      .toBuffer(),
  );
}
