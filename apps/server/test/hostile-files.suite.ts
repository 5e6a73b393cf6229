import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPaperBatch, type JsonObject, rowsOf, uploadKeying } from './support/ballot-fixtures';
import { peakRssGrowth, sharedStringsXml, sheetXml, writeXlsx } from './support/hostile-files';

const HEADER = ['group', '交警支队', '治安支队', '法制处'];
const BALLOT = ['城乡居民', '满意', '比较满意', '基本满意'];
/** Generous: the server streams what it reads; today's main grew by gigabytes. */
const MAX_GROWTH_MB = 500;

/**
 * Hostile paper-ballot files (issue 10, part 3): each is refused as a whole
 * with a report naming the limit it passed (`FILE_LIMIT_EXCEEDED` with the
 * limit, its value and where), the server keeps answering, its memory stays
 * bounded, and no temporary file is left behind, in the data folder or the
 * system's temp folder.
 */
export function hostileFilesSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let work: string;
  let batchNumber = 0;
  const newBatch = () => createPaperBatch(server, office, campaignId, `恶意-${(batchNumber += 1)}`);
  const file = (name: string) => path.join(work, name);

  beforeAll(async () => {
    server = await createTestServer({ database });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-files-'));
  });
  afterAll(async () => {
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function expectServing(): Promise<void> {
    expect((await server.fetch('/health')).status).toBe(200);
    const me = await server.gql('{ me { username } }', {}, office);
    expect(me.errors).toBeUndefined();
  }

  /** Uploads into a new batch, with the system temp folder pointed at an empty one; returns the refusal and what was left behind. */
  async function refused(
    bytes: Uint8Array,
    name: string,
  ): Promise<{ problem: JsonObject; growthMb: number; leftInSystemTemp: string[]; leftInDataTemp: string[] }> {
    const id = await newBatch();
    const systemTemp = fs.mkdtempSync(path.join(work, 'system-temp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = systemTemp;
    let growth;
    try {
      const health = server.fetch('/health'); // answered while the file is read
      growth = await peakRssGrowth(() => uploadKeying(server, office, id, 1, bytes, { name }));
      expect((await health).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    const { body } = growth.result;
    expect(body.batch?.state).toBe('rejected');
    expect(body.batch.keyings[0]).toMatchObject({ state: 'invalid', problemCount: 1 });
    const dataTemp = path.join(server.config.dataDir, 'tmp');
    return {
      problem: body.batch.keyings[0].problems[0],
      growthMb: growth.growthMb,
      leftInSystemTemp: fs.readdirSync(systemTemp),
      leftInDataTemp: fs.existsSync(dataTemp) ? fs.readdirSync(dataTemp) : [],
    };
  }

  function expectLimit(outcome: Awaited<ReturnType<typeof refused>>, limit: string, where: RegExp): void {
    expect(outcome.problem).toMatchObject({
      line: 0,
      code: 'FILE_LIMIT_EXCEEDED',
      limit: { limit, max: expect.any(Number), where: expect.stringMatching(where) },
    });
    expect(outcome.problem.reason).toContain(`limit ${limit} = `);
    expect(outcome.growthMb).toBeLessThan(MAX_GROWTH_MB);
    expect(outcome.leftInSystemTemp).toEqual([]);
    expect(outcome.leftInDataTemp).toEqual([]);
  }

  it('refuses a shared-strings bomb (400 MB of strings in a file of well under 2 MB) before inflating it', async () => {
    const bytes = await writeXlsx(file('bomb.xlsx'), [
      { name: 'xl/sharedStrings.xml', text: sharedStringsXml(20_000_000, () => '满意') },
      { name: 'xl/worksheets/sheet1.xml', text: sheetXml(() => [HEADER, BALLOT]) },
    ]);
    expect(bytes.length).toBeLessThan(2_000_000);
    const outcome = await refused(bytes, 'bomb.xlsx');
    expectLimit(outcome, 'zipEntryBytes', /^xl\/sharedStrings\.xml$/);
    expect(await rowsOf(server, 'SELECT COUNT(*) AS n FROM ballot')).toEqual([{ n: expect.anything() }]);
    await expectServing();
  });

  it('counts shared strings while it reads them', async () => {
    const bytes = await writeXlsx(file('strings.xlsx'), [
      { name: 'xl/sharedStrings.xml', text: sharedStringsXml(300_000, (i) => `编号${i}`) },
      { name: 'xl/worksheets/sheet1.xml', text: sheetXml(() => [HEADER, BALLOT]) },
    ]);
    expectLimit(await refused(bytes, 'strings.xlsx'), 'sharedStrings', /^xl\/sharedStrings\.xml$/);
    await expectServing();
  });

  it('reads the sheet of Excel’s layout (shared strings last) without unpacking it to a temp folder, and stops at the row limit', async () => {
    const bytes = await writeXlsx(file('rows.xlsx'), [
      {
        name: 'xl/worksheets/sheet1.xml',
        text: sheetXml(function* rows() {
          yield HEADER;
          for (let i = 0; i < 60_000; i += 1) yield BALLOT;
        }),
      },
      { name: 'xl/sharedStrings.xml', text: sharedStringsXml(1, () => '满意') },
    ]);
    expectLimit(await refused(bytes, 'rows.xlsx'), 'rows', /^row 50001$/);
    await expectServing();
  });

  it('refuses a cell holding a long text while it streams', async () => {
    // varied text, so that the part does not compress past the ratio limit first
    let seed = 7;
    const text = Array.from({ length: 300_000 }, () =>
      String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20_000)),
    ).join('');
    const bytes = await writeXlsx(file('cell.xlsx'), [
      { name: 'xl/worksheets/sheet1.xml', text: sheetXml(() => [HEADER, ['城乡居民', text, '', '']]) },
    ]);
    expectLimit(await refused(bytes, 'cell.xlsx'), 'xmlTextBytes', /^xl\/worksheets\/sheet1\.xml row 2$/);
  });

  it('refuses a row of 100,000 cells while it streams', async () => {
    const bytes = await writeXlsx(file('wide.xlsx'), [
      {
        name: 'xl/worksheets/sheet1.xml',
        text: sheetXml(() => [HEADER, Array.from({ length: 100_000 }, () => '满意')]),
      },
    ]);
    expectLimit(await refused(bytes, 'wide.xlsx'), 'cellsPerRow', /^xl\/worksheets\/sheet1\.xml row 2$/);
    await expectServing();
  });

  it('refuses CSVs past the row and cell limits, naming the line', async () => {
    const lines = [HEADER.join(','), ...Array.from({ length: 60_000 }, () => BALLOT.join(','))].join('\r\n');
    expectLimit(await refused(new TextEncoder().encode(lines), 'rows.csv'), 'rows', /^line 50001$/);
    const wide = `${HEADER.join(',')}\n城乡居民${',满意'.repeat(1_000)}\n`;
    expectLimit(await refused(new TextEncoder().encode(wide), 'wide.csv'), 'cellsPerRow', /^line 2$/);
    await expectServing();
  });
}

/** Temporary files a stopped server left in its data folder are removed when it starts again. */
export function tempSweepSuite(database: 'sqlite'): void {
  it('sweeps the temporary files a killed server left behind at start, and keeps those of live processes', async () => {
    const first = await createTestServer({ database });
    const dataDir = first.config.dataDir;
    await first.close({ keepData: true });
    const now = Date.now();
    const host = os
      .hostname()
      .replace(/[^A-Za-z0-9_.]/g, '_')
      .slice(0, 40);
    const plant = (relative: string): string => {
      const target = path.join(dataDir, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, 'half an upload');
      return target;
    };
    const left = [
      plant(`tmp/${host}~999999999~${now}~0123456789ab.part`), // a dead process of this host
      plant(`paper-uploads/${now}-0123456789abcdef.upload`), // where uploads were kept before
      plant('attachments/.upload-0123456789abcdef'),
    ];
    const live = plant(`tmp/other-host~1~${now}~0123456789ab.part`); // another instance sharing the folder, uploading now
    const again = await createTestServer({ database, reuse: { dataDir } });
    try {
      for (const target of left) expect(fs.existsSync(target), target).toBe(false);
      expect(fs.existsSync(live)).toBe(true);
      expect((await again.fetch('/health')).status).toBe(200);
    } finally {
      await again.close();
    }
  });
}
