import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, moveCampaignTo, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cast,
  createPaperBatch,
  issueCodes,
  mixBox,
  PAPER_BATCH,
  paperCsv,
  rowsOf,
  uploadKeying,
} from './support/ballot-fixtures';

const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
const WITHDRAW = `mutation($id: ID!, $reason: String!) {
  withdrawPaperBatch(id: $id, reason: $reason) { __typename ... on PaperBatch { id state reason: message ballots } ... on ErrorResult { errorCode message path } }
}`;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount } }`;
const AUDIT = `{ auditLog(options: { take: 1 }, filter: { operation: "withdrawPaperBatch" }) { items { success reason changes { field before after } } } }`;

const sheets = (n: number, level = '满意') =>
  paperCsv(
    UNITS,
    Array.from({ length: n }, () => ({
      group: 'residents',
      cells: { 'traffic-police': level, 'public-order': level, 'legal-affairs': level },
    })),
  );

/** The office withdraws an imported paper batch with a reason (issue 16): exactly its ballots leave the tallies. */
describe('withdrawing an imported paper batch', () => {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    server = await createTestServer();
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, { phase: 'appraisal' });
  });
  afterAll(() => server?.close());

  const ratingCount = async () =>
    (await server.gqlOk<{ standings: { ratingCount: number } }>(STANDINGS, { c: campaignId }, office)).standings
      .ratingCount;
  const counted = async (batchId: string) =>
    Number(
      (
        await rowsOf<{ n: number }>(
          server,
          `SELECT COUNT(*) AS n FROM ballot WHERE paper_batch_id = ${Number(batchId)}`,
        )
      )[0]?.n,
    );
  const imported = async (code: string, csv: string) => {
    const id = await createPaperBatch(server, office, campaignId, code);
    const upload = await uploadKeying(server, office, id, 1, csv, { name: `${code}.csv` });
    expect(upload.status).toBe(202);
    expect(upload.body.batch).toMatchObject({ state: 'imported' });
    const { paperBatch } = await server.gqlOk<{ paperBatch: { state: string } }>(PAPER_BATCH, { id }, office);
    expect(paperBatch.state).toBe('imported');
    return id;
  };

  it('takes its ballots out of the tallies, whether still in the ballot box or counted, and keeps every other ballot', async () => {
    // an online ballot waits in the box beside the paper ones: it stays, unopened to anyone, and unmixed
    const { codes } = await issueCodes(server, office, campaignId, 'residents', 1);
    expect(
      (await cast(server, { code: codes[0] as string, ratings: [{ unit: 'traffic-police', level: 'dissatisfied' }] }))
        .__typename,
    ).toBe('BallotReceipt');
    const waiting = await imported('P-001', sheets(4));
    const mixedIn = await imported('P-002', sheets(2, '比较满意'));
    expect(await ratingCount()).toBe(1 + 4 * 3 + 2 * 3);
    // P-001, P-002 and the online ballot are mixed into the counted tables; P-003 then waits in the box
    await mixBox(server);
    const box = async () => Number((await rowsOf<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM ballot_box'))[0]?.n);
    const boxed = await imported('P-003', sheets(3));
    expect(await box()).toBe(3);

    const refused = await server.gql(WITHDRAW, { id: waiting, reason: '  ' }, office);
    expect(refused.data.withdrawPaperBatch).toMatchObject({ __typename: 'InvalidArgumentError', path: 'reason' });

    const first = await server.gqlOk<{ withdrawPaperBatch: { state: string; reason: string } }>(
      WITHDRAW,
      { id: boxed, reason: '该批次录入了其他会场的评议表' },
      office,
    );
    expect(first.withdrawPaperBatch).toMatchObject({ state: 'withdrawn', reason: '该批次录入了其他会场的评议表' });
    expect(await box()).toBe(0);
    const second = await server.gqlOk<{ withdrawPaperBatch: { state: string } }>(
      WITHDRAW,
      { id: mixedIn, reason: '重复录入' },
      office,
    );
    expect(second.withdrawPaperBatch.state).toBe('withdrawn');
    expect(await counted(mixedIn)).toBe(0);
    expect(await counted(waiting)).toBe(4);
    expect(await ratingCount()).toBe(1 + 4 * 3);
    const online = await rowsOf<{ n: number }>(server, `SELECT COUNT(*) AS n FROM ballot WHERE channel = 'online'`);
    expect(Number(online[0]?.n)).toBe(1);

    const { auditLog } = await server.gqlOk<{
      auditLog: { items: { success: boolean; reason: string; changes: unknown[] }[] };
    }>(AUDIT, {}, office);
    expect(auditLog.items[0]).toMatchObject({
      success: true,
      reason: '重复录入',
      changes: [{ field: 'paperBatch.state', before: 'imported', after: 'withdrawn' }],
    });
  });

  it('refuses a batch that is not imported, and the same sheets may be imported again in another batch', async () => {
    const open = await createPaperBatch(server, office, campaignId, 'P-010');
    expect((await server.gql(WITHDRAW, { id: open, reason: '录错了' }, office)).data.withdrawPaperBatch).toMatchObject({
      __typename: 'BatchNotOpenError',
    });
    const id = await imported('P-011', sheets(5, '基本满意'));
    await server.gqlOk(WITHDRAW, { id, reason: '评议对象类别录错' }, office);
    expect((await server.gql(WITHDRAW, { id, reason: '再撤一次' }, office)).data.withdrawPaperBatch).toMatchObject({
      __typename: 'BatchNotOpenError',
    });
    // the withdrawn batch's file no longer blocks the same file in a new batch
    const again = await imported('P-012', sheets(5, '基本满意'));
    expect(await counted(again)).toBe(0);
    await mixBox(server);
    expect(await counted(again)).toBe(5);
  });

  it('is for the office and admins, inside the import window only', async () => {
    const id = await imported('P-020', sheets(1));
    expect(
      (await server.gql(WITHDRAW, { id, reason: '测试' }, await server.loginAs(Role.leader))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    await moveCampaignTo(server, office, campaignId, 'rectification');
    expect(
      (await server.gql(WITHDRAW, { id, reason: '评议结束后撤回' }, office)).data.withdrawPaperBatch,
    ).toMatchObject({ __typename: 'PhaseClosedError' });
  });
});
