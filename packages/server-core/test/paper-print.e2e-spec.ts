import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSheetLabel, SERIAL_LENGTH } from '@pingyi/omr';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { PrintRunService } from '../src/paper-print/print-run.service';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { seedPhases, startRectificationServer } from './support/rectification-campaign';

// Print runs of blank appraisal sheets and opinion forms, their PDF, and what
// the scan reader asks of them, through the real server on both databases.

/** The seed plan's six levels (满意、比较满意、基本满意、不太满意、不满意、不了解). */
const POLICY = JSON.stringify({
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'fairly', label: '比较满意', points: 85 },
    { code: 'basically', label: '基本满意', points: 70 },
    { code: 'lessSatisfied', label: '不太满意', points: 55 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  strategy: { code: 'weighted-mean', args: {} },
  decimals: 2,
  tiers: [{ code: 'ok', label: '满意', min: null }],
});

const NAMES = ['市公安局', '市交通运输局', '市市场监督管理局', '市人力资源和社会保障局', '市住房和城乡建设局'];
/** 70 appraised units: two appraisal pages (60 a page), twelve opinion pages (6 a page). */
const UNITS = Array.from({ length: 70 }, (_, i) => ({
  code: `u${String(i + 1).padStart(2, '0')}`,
  name:
    i === 3
      ? '市城市管理综合行政执法局（市城市管理委员会办公室）'
      : `${NAMES[i % NAMES.length] as string}${i >= NAMES.length ? `第${i + 1}分局` : ''}`,
  parentCode: null,
  appraised: true,
}));

const CREATE = `mutation($input: CreatePrintRunInput!) { createPrintRun(input: $input) {
  __typename
  ... on PrintRun { id groupCode groupLabel kind sheets pagesPerSheet createdAt createdBy pdfUrl }
  ... on ErrorResult { errorCode message path }
} }`;
const LIST = `query($c: ID!) { printRuns(campaignId: $c) { id groupCode groupLabel kind sheets pagesPerSheet createdAt createdBy pdfUrl } }`;

const hasTool = (tool: string): boolean => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
const POPPLER = hasTool('pdffonts') && hasTool('pdftotext') && hasTool('pdftoppm');
if (!POPPLER)
  console.warn('Skipping the PDF font and rendering checks: poppler-utils (pdffonts, pdftotext, pdftoppm) not found');

async function createCampaign(app: TestServer, token: string, year = 2026): Promise<string> {
  const data = await app.gqlData(
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message } } }`,
    {
      input: {
        year,
        name: `${year}年度民主评议机关作风活动`,
        phases: seedPhases(year),
        guidingPrinciple: '指导思想',
        objectives: [{ number: 1, title: '目标', text: '正文' }],
        requirements: [{ number: 1, title: '要求', text: '正文' }],
        evaluatorGroups: [
          { code: 'deputies', label: '人大代表、政协委员', quota: 100 },
          { code: 'residents', label: '城乡居民', quota: 500 },
        ],
        policyJson: POLICY,
      },
    },
    token,
  );
  if (data.createCampaign.__typename !== 'Campaign') throw new Error(`createCampaign: ${JSON.stringify(data)}`);
  const id = data.createCampaign.id as string;
  const set = await app.gqlData(
    'mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { message } } }',
    { c: id, units: UNITS },
    token,
  );
  if ('message' in set.setUnits) throw new Error(`setUnits: ${JSON.stringify(set)}`);
  return id;
}

/** A page of a PDF as grey pixels (pdftoppm's PGM), for the QR reader. */
function pageImage(pdfFile: string, page: number, dpi: number): { width: number; height: number; data: Uint8Array } {
  const out = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), pdfFile]);
  const bytes = out.stdout;
  // P5\n<width> <height>\n255\n<pixels>
  const header = bytes.subarray(0, 40).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error(`pdftoppm: ${out.stderr.toString()}`);
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, data: bytes.subarray(match[0].length) };
}

function readQr(image: { width: number; height: number; data: Uint8Array }): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i += 1) {
    const v = image.data[i] as number;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}

function printSuite(database: TestDatabase): void {
  let app: TestServer;
  let campaignId: string;
  let office: string;
  let appraisalRun: { id: string; pdfUrl: string };
  let pdfFile: string;

  beforeAll(async () => {
    app = await startRectificationServer(database);
    office = await app.loginAs(Role.office);
    campaignId = await createCampaign(app, await app.adminToken());
  });
  afterAll(() => app?.close());

  it('has the schema its entities describe (the migration and the entities agree)', async () => {
    const diff = await app.dataSource.driver.createSchemaBuilder().log();
    const ours = diff.upQueries
      .map((q) => q.query)
      .filter((query) => /print_run|printed_sheet|sheet_label_key/.test(query));
    expect(ours).toEqual([]);
  });

  it('prints a run of appraisal sheets for a group: sheets, pages per sheet, who, the PDF address', async () => {
    const data = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'residents', kind: 'APPRAISAL', sheets: 3 } },
      office,
    );
    const run = data.createPrintRun;
    expect(run).toMatchObject({
      __typename: 'PrintRun',
      groupCode: 'residents',
      groupLabel: '城乡居民',
      kind: 'APPRAISAL',
      sheets: 3,
      pagesPerSheet: 2,
      pdfUrl: `/print-runs/${run.id}/pdf`,
    });
    expect(run.createdBy).toMatch(/office/);
    expect(Number.isNaN(Date.parse(run.createdAt))).toBe(false);
    appraisalRun = run;

    const opinion = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'deputies', kind: 'OPINION', sheets: 2 } },
      await app.adminToken(),
    );
    expect(opinion.createPrintRun).toMatchObject({ kind: 'OPINION', sheets: 2, pagesPerSheet: 12 });

    const list = await app.gqlData(LIST, { c: campaignId }, office);
    expect(list.printRuns.map((r: { id: string }) => r.id)).toEqual([opinion.createPrintRun.id, run.id]);
    const { __typename, ...fields } = run;
    expect(__typename).toBe('PrintRun');
    expect(list.printRuns[1]).toEqual(fields);
  });

  it('draws a random serial for every sheet, unique in the campaign, counted per group, never in the audit log', async () => {
    await app.gqlData(CREATE, { input: { campaignId, groupCode: 'residents', kind: 'APPRAISAL', sheets: 40 } }, office);
    const rows: { serial: string; evaluator_group_code: string; print_run_id: number }[] = await app.dataSource.query(
      'SELECT serial, evaluator_group_code, print_run_id FROM printed_sheet WHERE campaign_id = ' + Number(campaignId),
    );
    expect(rows).toHaveLength(45);
    expect(new Set(rows.map((row) => row.serial)).size).toBe(45);
    for (const row of rows) expect(row.serial).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${SERIAL_LENGTH}}$`));

    const service = app.get(PrintRunService);
    const keys: { campaign_key: string }[] = await app.dataSource.query(
      'SELECT campaign_key FROM sheet_label_key WHERE campaign_id = ' + Number(campaignId),
    );
    expect(keys).toHaveLength(1); // made by the first run, kept by the others
    const campaignKey = keys[0]?.campaign_key as string;
    expect(await service.campaignKeyOf(Number(campaignId))).toBe(campaignKey);
    const first = rows.find((row) => Number(row.print_run_id) === Number(appraisalRun.id));
    expect(await service.sheetOfSerial(Number(campaignId), first?.serial as string)).toEqual({
      printRunId: Number(appraisalRun.id),
      groupCode: 'residents',
      kind: 'APPRAISAL',
    });
    expect(await service.sheetOfSerial(Number(campaignId), '0000000000')).toBeNull();

    const audit: { args: string; called_by: string }[] = await app.dataSource.query(
      "SELECT args, called_by FROM audit_entry WHERE operation = 'createPrintRun'",
    );
    expect(audit.length).toBeGreaterThanOrEqual(3);
    const logged = audit.map((entry) => entry.args).join('\n');
    expect(logged).toContain('"groupCode":"residents"');
    expect(logged).toContain('"kind":"APPRAISAL"');
    expect(logged).toContain('"sheets":40');
    for (const row of rows) expect(logged).not.toContain(row.serial);
  });

  it('streams the PDF: A4, sheets × pages, each page labelled with its serial, page and group', async () => {
    const response = await app.fetch(appraisalRun.pdfUrl, { token: office });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(body);
    expect(doc.getPageCount()).toBe(3 * 2);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    pdfFile = path.join(app.dataDir, 'appraisal.pdf');
    fs.writeFileSync(pdfFile, body);

    const serials: { serial: string }[] = await app.dataSource.query(
      `SELECT serial FROM printed_sheet WHERE print_run_id = ${Number(appraisalRun.id)} ORDER BY id`,
    );
    if (!POPPLER) return;
    const fonts = spawnSync('pdffonts', [pdfFile], { encoding: 'utf8' }).stdout;
    const fontLines = fonts.split('\n').slice(2).filter(Boolean);
    expect(fontLines.length).toBeGreaterThan(0);
    for (const line of fontLines) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSerifSC/); // a subset, tagged as such
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset
    }
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('民主评议表');
    expect(text).toContain('2026年度民主评议机关作风活动');
    expect(text).toContain('城乡居民');
    expect(text).toContain('第 2 页 / 共 2 页');
    expect(text).toContain('无记名');
    expect(text).toContain('不填视为弃权');
    for (const label of ['满意', '不满意', '不了解']) expect(text).toContain(label);
    expect(text).toContain('市交通运输局');
    for (const { serial } of serials) expect(text).toContain(serial);

    const keys: { campaign_key: string }[] = await app.dataSource.query(
      'SELECT campaign_key FROM sheet_label_key WHERE campaign_id = ' + Number(campaignId),
    );
    // the QR label of sheet 2, page 2 as a scanner at 200 dpi sees it
    const label = decodeSheetLabel(readQr(pageImage(pdfFile, 4, 200)) ?? '');
    expect(label).toEqual({
      campaignKey: keys[0]?.campaign_key,
      kind: 'A',
      groupIndex: 1,
      page: 2,
      pages: 2,
      serial: serials[1]?.serial,
    });
    // one page at 100 dpi, to look at (kept in the reports folder)
    const reports = path.resolve(__dirname, '../reports');
    fs.mkdirSync(reports, { recursive: true });
    spawnSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      path.join(reports, `paper-print-${database}`),
    ]);
    expect(fs.existsSync(path.join(reports, `paper-print-${database}.png`))).toBe(true);
  });

  it('prints opinion forms: a box per unit, six to a page', async () => {
    const list = await app.gqlData(LIST, { c: campaignId }, office);
    const opinion = list.printRuns.find((run: { kind: string }) => run.kind === 'OPINION');
    const response = await app.fetch(opinion.pdfUrl, { token: await app.adminToken() });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect((await PDFDocument.load(body)).getPageCount()).toBe(2 * 12);
    if (!POPPLER) return;
    const file = path.join(app.dataDir, 'opinion.pdf');
    fs.writeFileSync(file, body);
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('意见表');
    expect(text).toContain('人大代表、政协委员');
    expect(text).toContain('6. 市公安局第6分局');
    const label = decodeSheetLabel(readQr(pageImage(file, 12, 200)) ?? '');
    expect(label).toMatchObject({ kind: 'O', groupIndex: 0, page: 12, pages: 12 });
    const reports = path.resolve(__dirname, '../reports');
    spawnSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(reports, `paper-print-opinion-${database}`),
    ]);
  });

  it('refuses more than 5000 sheets with DOCUMENT_TOO_LARGE, none or an unknown group as bad input', async () => {
    const big = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'residents', kind: 'APPRAISAL', sheets: 5001 } },
      office,
    );
    expect(big.createPrintRun).toMatchObject({
      __typename: 'DocumentTooLargeError',
      errorCode: 'DOCUMENT_TOO_LARGE',
      path: 'input.sheets',
    });
    expect(big.createPrintRun.message).toContain('5000');
    const none = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'residents', kind: 'OPINION', sheets: 0 } },
      office,
    );
    expect(none.createPrintRun).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.sheets' });
    const unknown = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'nobody', kind: 'OPINION', sheets: 1 } },
      office,
    );
    expect(unknown.createPrintRun).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.groupCode' });
  });

  it('refuses liaisons, leaders and inspectors, on GraphQL and on the PDF', async () => {
    for (const token of [
      await app.loginAs(Role.liaison, 'u01'),
      await app.loginAs(Role.leader),
      await app.loginAs(Role.inspector),
    ]) {
      const created = await app.gql(
        CREATE,
        { input: { campaignId, groupCode: 'residents', kind: 'APPRAISAL', sheets: 1 } },
        token,
      );
      expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const listed = await app.gql(LIST, { c: campaignId }, token);
      expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const pdf = await app.fetch(appraisalRun.pdfUrl, { token });
      expect(pdf.status).toBe(403);
    }
    expect((await app.fetch(appraisalRun.pdfUrl)).status).toBe(401);
  });

  it("hides another bureau's print runs: 404 for its PDF, NOT_FOUND for its campaign", async () => {
    const other = await app.createBureau(`print-${database}`);
    const pdf = await app.fetch(appraisalRun.pdfUrl, { token: other.adminToken });
    expect(pdf.status).toBe(404);
    expect(((await pdf.json()) as { errorCode: string }).errorCode).toBe('NOT_FOUND');
    const listed = await app.gql(LIST, { c: campaignId }, other.adminToken);
    expect(listed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const created = await app.gqlData(
      CREATE,
      { input: { campaignId, groupCode: 'residents', kind: 'APPRAISAL', sheets: 1 } },
      other.adminToken,
    );
    expect(created.createPrintRun).toMatchObject({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND' });
    expect((await app.fetch('/print-runs/abc/pdf', { token: office })).status).toBe(400);
  });

  it('refuses to remove a group its sheets were printed for', async () => {
    const update = await app.gql(
      `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode } } }`,
      { id: campaignId, input: { evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 500 }] } },
      office,
    );
    expect(update.data?.updateCampaign?.errorCode ?? update.errors?.[0]?.extensions?.code).toBe('IN_USE');
  });
}

describe('paper print runs [sqlite]', () => printSuite('sqlite'));
describeOnPostgres('paper print runs', () => printSuite('postgres'));
