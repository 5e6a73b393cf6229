import {
  collectMigrations,
  createBackup,
  featuresOf,
  hashPassword,
  loadConfig,
  type PingyiConfig,
  restoreBackup,
} from '@pingyi/server-core';
import {
  createCampaign,
  createPostgresDatabase,
  createTestServer,
  dropPostgresDatabase,
  moveCampaignTo,
  pgTestUrl,
  TEST_ADMIN_PASSWORD,
  type TestDatabase,
  type TestServer,
  uniqueDatabaseName,
} from '@pingyi/testing';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, issueCodes, rowsOf } from './support/ballot-fixtures';
import { dataSourceAt, freshDatabase } from './support/previous-version';

const SECRET = 'backup-suite-secret-0123456789abcdefghij';
const migrations = collectMigrations(featuresOf());
// one PNG pixel: evidence on disk that the backup must carry
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Target {
  readonly config: PingyiConfig;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  drop(): Promise<void>;
}

/** A new, empty database and data folder (nothing created in them yet). */
async function emptyTarget(database: TestDatabase): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-restore-'));
  const name = database === 'postgres' ? uniqueDatabaseName() : undefined;
  const databaseUrl = name ? await createPostgresDatabase(pgTestUrl(), name) : undefined;
  return {
    config: loadConfig({
      NODE_ENV: 'test',
      PINGYI_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PINGYI_SECRET: SECRET,
    }),
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    drop: async () => {
      if (name) await dropPostgresDatabase(pgTestUrl(), name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const VIEWS = `query($c: ID!) {
  standings(campaignId: $c) { standings { unitCode unitName ballots counted valid score rank tier } }
  publishedResults(campaignId: $c) { id publishedAt publishedBy ratingCount smallCellK standings { unitCode score rank tier } }
  participation(campaignId: $c) { ballots opinions }
  rectificationLedgerCsv(campaignId: $c)
}`;

/** What must survive a backup: per campaign the standings, published snapshots, participation and the ledger; the audit trail. */
async function viewsOf(
  server: TestServer,
  token: string,
): Promise<{ campaigns: unknown[]; audit: { id: string }[]; daily: unknown }> {
  const ids = (
    await server.gqlOk<{ campaigns: { items: { id: string }[] } }>('{ campaigns { items { id } } }', {}, token)
  ).campaigns.items.map((c) => c.id);
  const campaigns = [];
  for (const id of ids) campaigns.push({ id, ...(await server.gqlOk(VIEWS, { c: id }, token)) });
  const audit: { id: string }[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = (
      await server.gqlOk<{ auditLog: { totalItems: number; items: { id: string }[] } }>(
        'query($s: Int!) { auditLog(options: { skip: $s, take: 100 }) { totalItems items { id at operation username args success errorCode requestId ip reason } } }',
        { s: skip },
        token,
      )
    ).auditLog;
    audit.push(...page.items);
    if (skip + 100 >= page.totalItems) break;
  }
  audit.sort((a, b) => Number(a.id) - Number(b.id));
  const daily = (
    await server.gqlOk<{ auditDailyCounts: unknown }>(
      '{ auditDailyCounts { day operation groupCode count } }',
      {},
      token,
    )
  ).auditDailyCounts;
  return { campaigns, audit, daily };
}

/** Every text of a backup folder, table files decompressed. */
function backupText(dir: string): string {
  const texts: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name));
    texts.push((entry.name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1'));
  }
  return texts.join('\n');
}

export function backupRestoreSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // the mixer waits (30 min, 100,000 a batch): the cast ballots are still in the box when the backup starts
    server = await createTestServer({
      database,
      env: {
        PINGYI_DEMO: '1',
        PINGYI_SECRET: SECRET,
        PINGYI_TRUST_PROXY: 'loopback',
        PINGYI_MIX_MIN_BATCH: '100000',
        PINGYI_MIX_INTERVAL: '30m',
      },
    });
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('backs up the running server (the box counted first, no secret, no code), restores into an empty database, and everything reads the same', async () => {
    // ballots waiting in the box, with an opinion
    // (in a second bureau: the demo holds this year's campaign of the host bureau)
    const other = await server.createBureau('backup-b');
    const otherAdmin = other.adminToken;
    const campaignId = await createCampaign(server, otherAdmin, { name: '备份测试评议' });
    const { codes } = await issueCodes(server, otherAdmin, campaignId, 'residents', 4);
    for (const code of codes.slice(0, 3)) {
      const receipt = await cast(server, {
        code,
        ratings: [
          { unit: 'traffic-police', level: 'satisfied' },
          { unit: 'public-order', level: 'dissatisfied' },
        ],
        opinions: [{ unit: 'public-order', text: '备份里的意见原文' }],
      });
      expect(receipt.__typename).toBe('BallotReceipt');
    }
    expect(Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n)).toBe(3);
    // a ledger item with evidence on disk
    await moveCampaignTo(server, otherAdmin, campaignId, 'rectification');
    const demo = (
      await server.gqlOk<{ campaigns: { items: { id: string }[] } }>('{ campaigns { items { id } } }', {}, admin)
    ).campaigns.items.at(-1)?.id;
    const opened = await server.gqlOk<{ openRectificationItem: { id: string } }>(
      'mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on ErrorResult { errorCode message path } } }',
      { input: { campaignId: campaignId, title: '窗口服务整改', unitCode: 'public-order', sourceNote: '群众意见' } },
      otherAdmin,
    );
    const upload = await server.fetch(`/attachments?itemId=${opened.openRectificationItem.id}&name=evidence.png`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${otherAdmin}`,
        'content-type': 'image/png',
        'content-length': String(PNG.length),
      },
      body: PNG,
    });
    expect(upload.status, await upload.clone().text()).toBeLessThan(300);
    const attachmentId = String(((await upload.json()) as { id: string | number }).id);
    expect(demo).toBeDefined();

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-backup-'));
    cleanups.push(async () => fs.rmSync(out, { recursive: true, force: true }));
    const result = await createBackup(server.config, { out });
    expect(result.flushed).toBe(3);
    const { manifest } = result;
    expect(manifest.database).toBe(database);
    expect(manifest.schema.migrations).toEqual(migrations.map((m) => m.name));
    expect(manifest.schema.version).toBe(migrations.at(-1)?.name);
    const names = manifest.tables.map((t) => t.name);
    for (const kept of [
      'ballot',
      'rating',
      'opinion',
      'result_snapshot',
      'rectification_item',
      'audit_entry',
      'attachment',
      'access_code',
    ])
      expect(names).toContain(kept);
    for (const left of ['ballot_box', 'auth_token', 'rate_limit', 'migrations']) expect(names).not.toContain(left);
    expect(manifest.tables.find((t) => t.name === 'ballot')?.rows).toBe(
      Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot'))[0]?.n),
    );
    expect(manifest.attachments).toHaveLength(1);
    expect(manifest.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // the box is empty in the live database too: its ballots were counted, not dropped
    expect(Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n)).toBe(0);
    const text = backupText(out);
    expect(text).not.toContain(SECRET);
    for (const code of codes) expect(text).not.toContain(code);
    expect(fs.readdirSync(path.join(out, 'tables')).sort()).toEqual(names.map((name) => `${name}.jsonl.gz`).sort());

    const before = await viewsOf(server, admin);
    const beforeOther = await viewsOf(server, otherAdmin);
    expect((beforeOther.campaigns[0] as { participation: { ballots: number } }).participation.ballots).toBe(3);

    const target = await emptyTarget(database);
    cleanups.push(target.drop);
    const restored = await restoreBackup(target.config, { from: out });
    expect(restored.upgradedBy).toEqual([]);
    expect(restored.rows).toBe(manifest.tables.reduce((sum, t) => sum + t.rows, 0));
    const again = await createTestServer({
      database,
      env: { PINGYI_SECRET: SECRET },
      reuse: { dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
    });
    try {
      const token = await again.adminToken();
      const otherToken = await again.login(other.adminUsername, TEST_ADMIN_PASSWORD);
      for (const [was, now] of [
        [before, await viewsOf(again, token)],
        [beforeOther, await viewsOf(again, otherToken)],
      ] as const) {
        expect(now.campaigns).toEqual(was.campaigns);
        expect(now.daily).toEqual(was.daily);
        // the audit trail: every entry of the backup, identical (the sign-in just made may add one)
        const kept = new Set(was.audit.map((entry) => entry.id));
        expect(now.audit.filter((entry) => kept.has(entry.id))).toEqual(was.audit);
        expect(was.audit.length).toBeGreaterThan(0);
      }
      // the evidence file, byte for byte
      const download = await again.fetch(`/attachments/${attachmentId}`, {
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
      // new rows get new ids after the restored ones; the unused code still casts, a used one does not
      await again.gqlOk(
        'mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on ErrorResult { errorCode message path } } }',
        { input: { campaignId, title: '恢复后新立项', unitCode: 'traffic-police', sourceNote: '测试' } },
        otherToken,
      );
      await moveCampaignTo(again, otherToken, campaignId, 'appraisal');
      const fourth = await cast(again, {
        code: codes[3] ?? '',
        ratings: [{ unit: 'traffic-police', level: 'satisfied' }],
      });
      expect(fourth.__typename).toBe('BallotReceipt');
      const used = await cast(again, {
        code: codes[0] ?? '',
        ratings: [{ unit: 'traffic-police', level: 'satisfied' }],
      });
      expect(used.__typename).not.toBe('BallotReceipt');
    } finally {
      await again.close({ keepData: true });
    }
  }, 300_000);

  it('refuses a changed file, a database that is not empty, and a second backup into the same folder', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-backup-'));
    cleanups.push(async () => fs.rmSync(out, { recursive: true, force: true }));
    await createBackup(server.config, { out });
    await expect(createBackup(server.config, { out })).rejects.toThrow(/must be new or empty/);
    // into the running server's own database
    await expect(restoreBackup(server.config, { from: out })).rejects.toThrow(/not empty/);
    const target = await emptyTarget(database);
    cleanups.push(target.drop);
    const file = path.join(out, 'tables', 'audit_entry.jsonl.gz');
    fs.appendFileSync(file, Buffer.from([0]));
    await expect(restoreBackup(target.config, { from: out })).rejects.toThrow(
      /audit_entry\.jsonl\.gz: checksum does not match manifest\.json/,
    );
  }, 120_000);

  it('restores a backup taken at an older schema version and runs the newer migrations on its rows', async () => {
    const old = await freshDatabase(database);
    cleanups.push(old.drop);
    const at = migrations.length - 3;
    const previous = await dataSourceAt(old.config, at);
    try {
      await previous.runMigrations({ transaction: 'each' });
      const truthy = database === 'postgres' ? 'true' : '1';
      await previous.query(`INSERT INTO bureau (code, name, host) VALUES ('default', 'Kept bureau', ${truthy})`);
      const bureauId = (await previous.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id;
      const p = database === 'postgres' ? ['$1', '$2'] : ['?', '?'];
      await previous.query(
        `INSERT INTO app_user (bureau_id, username, display_name, roles, password_hash, active) VALUES (${p[0]}, 'kept-admin', 'Kept', 'admin', ${p[1]}, ${truthy})`,
        [bureauId, await hashPassword('kept-password-1')],
      );
    } finally {
      await previous.destroy();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-backup-'));
    cleanups.push(async () => fs.rmSync(out, { recursive: true, force: true }));
    const { manifest } = await createBackup(old.config, { out });
    expect(manifest.schema.migrations).toEqual(migrations.slice(0, at).map((m) => m.name));
    const target = await emptyTarget(database);
    cleanups.push(target.drop);
    const restored = await restoreBackup(target.config, { from: out });
    expect(restored.upgradedBy).toEqual(migrations.slice(at).map((m) => m.name));
    const again = await createTestServer({
      database,
      env: { PINGYI_SECRET: SECRET },
      reuse: { dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
    });
    try {
      const token = await again.login('kept-admin', 'kept-password-1');
      expect((await again.gql('{ me { username } currentBureau { name } }', {}, token)).data).toEqual({
        me: { username: 'kept-admin' },
        currentBureau: { name: 'Kept bureau' },
      });
    } finally {
      await again.close({ keepData: true });
    }
  }, 120_000);

  if (database === 'postgres') {
    it('--pg-dump: pg_dump of the same snapshot, restored with pg_restore into an empty database, serves the same standings', async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-backup-'));
      cleanups.push(async () => fs.rmSync(out, { recursive: true, force: true }));
      const { manifest } = await createBackup(server.config, { out, pgDump: true });
      expect(manifest.pgDump?.file).toBe('database.pgdump');
      const target = await emptyTarget(database);
      cleanups.push(target.drop);
      execFileSync('pg_restore', [
        '--no-owner',
        `--dbname=${target.databaseUrl ?? ''}`,
        path.join(out, 'database.pgdump'),
      ]);
      // sign-in tokens are not in the dump (its data was excluded), nor is any ballot waiting in the box
      const again = await createTestServer({
        database,
        env: { PINGYI_SECRET: SECRET },
        reuse: { dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
      });
      try {
        expect(Number((await rowsOf<{ n: number }>(again, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n)).toBe(0);
        expect(Number((await rowsOf<{ n: number }>(again, 'SELECT COUNT(*) AS n FROM auth_token'))[0]?.n)).toBe(0);
        expect((await viewsOf(again, await again.adminToken())).campaigns).toEqual(
          (await viewsOf(server, admin)).campaigns,
        );
      } finally {
        await again.close({ keepData: true });
      }
    }, 120_000);
  }
}
