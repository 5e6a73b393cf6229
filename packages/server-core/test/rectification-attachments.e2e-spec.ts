import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { insertItems } from './support/rectification-fixtures';

// a real 1×1 PNG: the content is sniffed (file-type), not only its first bytes
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const PDF = Buffer.from('%PDF-1.7\n整改报告\n%%EOF');
const MAX = 10 * 1024 * 1024;

const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on RectificationItem { evidence progress } ... on ErrorResult { errorCode message path } }
}`;
const DETAIL = `query($id: ID!) { rectificationItem(id: $id) { evidence attachments { id name contentType size sha256 url uploadedBy } updates { event details { evidence note } } } }`;

function attachmentSuite(database: TestDatabase): void {
  let app: TestServer;
  let itemA: number;
  let itemB: number;

  beforeAll(async () => {
    app = await startRectificationServer(database);
    const campaignId = await createCampaign(app);
    [itemA, itemB] = (await insertItems(app, [
      { campaignId, unitCode: 'unit-a', state: 'inProgress' },
      { campaignId, unitCode: 'unit-b', state: 'inProgress' },
    ])) as [number, number];
  });
  afterAll(() => app?.close());

  const upload = (token: string | undefined, itemId: number | string, body: Buffer, type: string, name = 'photo.png') =>
    app.fetch(`/attachments?itemId=${itemId}&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      token,
      headers: { 'content-type': type },
      body,
    });
  const leftovers = () => fs.readdirSync(path.join(app.dataDir, 'attachments')).filter((f) => f.startsWith('.upload-'));

  it('stores evidence under its SHA-256, lists it on the item, and serves it back', async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const response = await upload(liaison, itemA, PNG, 'image/png', '整改照片.png');
    expect(response.status).toBe(201);
    const attachment = (await response.json()) as { id: number; sha256: string; size: number; name: string };
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(attachment).toMatchObject({
      sha256,
      size: PNG.length,
      name: '整改照片.png',
      unitCode: 'unit-a',
      itemId: itemA,
    });
    expect(fs.readFileSync(path.join(app.dataDir, 'attachments', sha256))).toEqual(PNG);

    const fired = await app.gqlData(
      FIRE,
      {
        id: String(itemA),
        e: 'reportProgress',
        p: { note: '已整改一半', progress: 50, evidence: [String(attachment.id)] },
      },
      liaison,
    );
    expect(fired.fireRectificationEvent).toEqual({
      __typename: 'RectificationItem',
      evidence: [String(attachment.id)],
      progress: 50,
    });
    const detail = (await app.gqlData(DETAIL, { id: String(itemA) }, await app.loginAs(Role.office))).rectificationItem;
    expect(detail.attachments).toEqual([
      {
        id: String(attachment.id),
        name: '整改照片.png',
        contentType: 'image/png',
        size: PNG.length,
        sha256,
        url: `/attachments/${attachment.id}`,
        uploadedBy: expect.any(String),
      },
    ]);
    expect(detail.updates).toEqual([
      { event: 'reportProgress', details: { evidence: [String(attachment.id)], note: '已整改一半' } },
    ]);

    const download = await app.fetch(`/attachments/${attachment.id}`, { token: await app.loginAs(Role.leader) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]*"; filename\*=UTF-8''%E6%95%B4%E6%94%B9%E7%85%A7%E7%89%87\.png$/,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(download.headers.get('x-frame-options')).toBe('DENY');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
  });

  it("confines a liaison to their unit's evidence: no upload to, download of, or citing of another unit's files", async () => {
    const officeUpload = await upload(await app.loginAs(Role.office), itemB, PDF, 'application/pdf', 'report.pdf');
    expect(officeUpload.status).toBe(201);
    const other = (await officeUpload.json()) as { id: number };
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const refusedUpload = await upload(liaison, itemB, PNG, 'image/png');
    expect(refusedUpload.status).toBe(404);
    expect(await refusedUpload.json()).toMatchObject({ errorCode: 'NOT_FOUND', path: 'itemId' });
    expect((await app.fetch(`/attachments/${other.id}`, { token: liaison })).status).toBe(404);
    const cited = await app.gqlData(
      FIRE,
      { id: String(itemA), e: 'reportProgress', p: { note: 'x', evidence: [String(other.id)] } },
      liaison,
    );
    expect(cited.fireRectificationEvent).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'payload.evidence[0]' });
    expect((await upload(await app.loginAs(Role.leader), itemA, PNG, 'image/png')).status).toBe(403);
    expect((await upload(undefined, itemA, PNG, 'image/png')).status).toBe(401);
    expect((await app.fetch(`/attachments/${other.id}`)).status).toBe(401);
  });

  it.each([
    [
      'a type outside the allow-list',
      Buffer.from('<html></html>'),
      'text/html',
      'page.png',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'content-type',
    ],
    [
      'content that is not what it claims',
      Buffer.from('<html>not a png</html>'),
      'image/png',
      'photo.png',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'body',
    ],
    ['a PNG declared and named as a PDF', PNG, 'application/pdf', 'report.pdf', 415, 'UNSUPPORTED_MEDIA_TYPE', 'body'],
    ['a PNG named .pdf', PNG, 'image/png', 'report.pdf', 415, 'UNSUPPORTED_MEDIA_TYPE', 'name'],
    ['an .svg, even with PNG bytes', PNG, 'image/png', 'logo.svg', 415, 'UNSUPPORTED_MEDIA_TYPE', 'name'],
    ['an .svg declared as an image', SVG, 'image/svg+xml', 'logo.svg', 415, 'UNSUPPORTED_MEDIA_TYPE', 'content-type'],
    ['an .html page with PNG bytes', PNG, 'image/png', 'page.html', 415, 'UNSUPPORTED_MEDIA_TYPE', 'name'],
    ['an .hta', PNG, 'image/png', '整改.hta', 415, 'UNSUPPORTED_MEDIA_TYPE', 'name'],
    [
      'a name with a right-to-left override (shows as "photoexe.png")',
      PNG,
      'image/png',
      'photo\u202egnp.exe',
      400,
      'INVALID_ARGUMENT',
      'name',
    ],
    ['a name with a bidi isolate', PNG, 'image/png', 'a\u2067b.png', 400, 'INVALID_ARGUMENT', 'name'],
    ['an empty file', Buffer.alloc(0), 'application/pdf', 'empty.pdf', 400, 'INVALID_ARGUMENT', 'body'],
    [
      'a file over 10 MiB',
      Buffer.concat([PDF, Buffer.alloc(MAX)]),
      'application/pdf',
      'big.pdf',
      413,
      'PAYLOAD_TOO_LARGE',
      'body',
    ],
  ])('refuses %s and keeps nothing', async (_name, body, type, name, status, errorCode, path) => {
    const before = (await app.dataSource.query('SELECT COUNT(*) AS n FROM attachment'))[0].n;
    const response = await upload(await app.loginAs(Role.liaison, 'unit-a'), itemA, body, type, name);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ errorCode, path });
    expect((await app.dataSource.query('SELECT COUNT(*) AS n FROM attachment'))[0].n).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  const streamed = async (size: number) => {
    const body = Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 1 << 20) controller.enqueue(body.subarray(i, i + (1 << 20)));
        controller.close();
      },
    });
    return app.fetch(`/attachments?itemId=${itemA}&name=big.pdf`, {
      method: 'POST',
      token: await app.loginAs(Role.liaison, 'unit-a'),
      headers: { 'content-type': 'application/pdf' },
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
  };

  it('accepts a file of exactly 10 MiB streamed without a declared length, and stops one byte more while reading', async () => {
    const ok = await streamed(MAX);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ size: MAX });
    const tooBig = await streamed(MAX + 1);
    expect(tooBig.status).toBe(413);
    expect(leftovers()).toEqual([]);
  });

  it('records uploads in the audit log', async () => {
    const rows: { operation: string; success: boolean | number; error_code: string | null }[] =
      await app.dataSource.query(
        `SELECT operation, success, error_code FROM audit_entry WHERE operation = 'uploadAttachment' ORDER BY id`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => r.error_code === 'PAYLOAD_TOO_LARGE')).toBe(true);
    expect(rows.some((r) => Boolean(r.success))).toBe(true);
  });
}

describe('rectification evidence attachments [sqlite]', () => attachmentSuite('sqlite'));
describeOnPostgres('rectification evidence attachments', () => attachmentSuite('postgres'));
