import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { readCsv } from '../src/file-limits/csv-text';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { insertItems } from './support/rectification-fixtures';

const HEADERS = [
  '编号',
  '上级项目',
  '责任单位',
  '单位代码',
  '整改项目',
  '问题描述',
  '问题来源',
  '状态',
  '责任人',
  '立项日期',
  '整改期限',
  '验收日期',
  '是否超期',
  '挂牌督办',
  '督办领导',
  '整改措施',
  '回应情况',
  '进度(%)',
  '反弹次数',
];

function ledgerSuite(database: TestDatabase): void {
  let app: TestServer;
  let campaignId: string;
  let ids: number[];

  beforeAll(async () => {
    app = await startRectificationServer(database);
    campaignId = await createCampaign(app);
    ids = await insertItems(app, [
      {
        campaignId,
        unitCode: 'unit-b',
        state: 'accepted',
        title: '执法不规范',
        publicResponse: '已整改，并向群众回应',
        closedOn: '2026-11-30',
      },
      {
        campaignId,
        unitCode: 'unit-a',
        state: 'inProgress',
        title: '窗口排队, "时间长"',
        deadline: '2026-11-30',
        owner: '张三',
        progress: 40,
      },
      { campaignId, unitCode: 'unit-a', state: 'dismissed', title: '=HYPERLINK("http://evil")' },
    ]);
    const office = await app.loginAs(Role.office);
    const opened = await app.gqlData(
      `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename } }`,
      {
        input: {
          campaignId,
          unitCode: 'unit-c',
          title: '市评议办反馈',
          sourceNote: '两条反馈合并',
          sources: [{ type: 'cityFeedback', id: '第12条' }, { type: 'gapCheck' }],
        },
      },
      office,
    );
    expect(opened.openRectificationItem.__typename).toBe('RectificationItem');
  });
  afterAll(() => app?.close());

  it('exports every item as CSV, one line each, with the state in words and overdue computed today', async () => {
    const response = await app.fetch(`/rectification-ledger/${campaignId}?format=csv`, {
      token: await app.loginAs(Role.office),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need to read UTF-8
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const records = readCsv(text).map((r) => r.fields);
    expect(records[0]).toEqual(HEADERS);
    expect(records.map((r) => r[3])).toEqual(['单位代码', 'unit-a', 'unit-a', 'unit-b', 'unit-c']);
    const queue = records[1] as string[];
    expect(queue).toEqual([
      String(ids[1]),
      '',
      '单位 unit-a',
      'unit-a',
      '窗口排队, "时间长"',
      '',
      '',
      '整改中',
      '张三',
      '2026-11-20',
      '2026-11-30',
      '',
      '是',
      '否',
      '',
      '整改方案',
      '',
      '40',
      '0',
    ]);
    expect(records[2]?.[4]).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[3]?.slice(7, 17)).toEqual([
      '已验收',
      '张三',
      '2026-11-20',
      '2026-12-31',
      '2026-11-30',
      '否',
      '否',
      '',
      '整改方案',
      '已整改，并向群众回应',
    ]);
    // each source by its words (an opinion's text, a finding's text, city feedback's reference), one after another
    expect(records[4]?.[6]).toBe('两条反馈合并；市评议办反馈：第12条；查漏补缺');
    const gql = await app.gqlData(
      `query($c: ID!) { rectificationLedgerCsv(campaignId: $c) }`,
      { c: campaignId },
      await app.loginAs(Role.leader),
    );
    expect(gql.rectificationLedgerCsv).toBe(text);
  });

  it('exports the same as XLSX, which reads back with its rates sheet', async () => {
    const response = await app.fetch(`/rectification-ledger/${campaignId}`, { token: await app.loginAs(Role.office) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('整改台账-')}`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('整改台账');
    const values = (n: number) => ((sheet?.getRow(n).values as unknown[]) ?? []).slice(1);
    expect(values(1)).toEqual(HEADERS);
    expect(sheet?.rowCount).toBe(5);
    expect(values(2).slice(0, 5)).toEqual([ids[1], undefined, '单位 unit-a', 'unit-a', '窗口排队, "时间长"']);
    expect(values(2)[17]).toBe(40);
    expect(values(3)[4]).toBe(`'=HYPERLINK("http://evil")`);
    const rates = workbook.getWorksheet('整改率');
    expect(((rates?.getRow(rates.rowCount).values as unknown[]) ?? []).slice(1)).toEqual(['合计', 1, 3, 1, 1 / 3]);
  });

  it("gives a liaison their unit's lines only, and refuses strangers and bad formats", async () => {
    const csv = await (
      await app.fetch(`/rectification-ledger/${campaignId}?format=csv`, {
        token: await app.loginAs(Role.liaison, 'unit-a'),
      })
    ).text();
    expect(
      readCsv(csv)
        .slice(1)
        .map((r) => r.fields[3]),
    ).toEqual(['unit-a', 'unit-a']);
    expect((await app.fetch(`/rectification-ledger/${campaignId}?format=csv`)).status).toBe(401);
    const bad = await app.fetch(`/rectification-ledger/${campaignId}?format=pdf`, {
      token: await app.loginAs(Role.office),
    });
    expect(bad.status).toBe(400);
    const other = await app.createBureau('ledger-other');
    expect(
      (await app.fetch(`/rectification-ledger/${campaignId}?format=csv`, { token: other.adminToken })).status,
    ).toBe(404);
  });
}

describe('rectification ledger [sqlite]', () => ledgerSuite('sqlite'));
describeOnPostgres('rectification ledger', () => ledgerSuite('postgres'));
