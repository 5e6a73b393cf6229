import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, moveCampaignTo, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, codeOf, ISSUE, issueCodes, rowsOf } from './support/ballot-fixtures';

const SUMMARY = `query($c: ID!) { accessCodeSummary(campaignId: $c) { groups { code label quota issued used unused revoked remaining } } }`;
const BATCHES = `query($c: ID!, $f: AccessCodeBatchFilter) {
  accessCodeBatches(campaignId: $c, filter: $f) { totalItems items { id evaluatorGroupCode count issuedBy revokedAt used unused revoked } }
}`;
const REVOKE = `mutation($id: ID!) {
  revokeAccessCodeBatch(id: $id) { __typename ... on AccessCodeBatch { id revokedAt revokedBy used unused revoked } ... on ErrorResult { errorCode message path } }
}`;
const PRINTABLE = `mutation($c: ID!, $g: String!, $n: Int!) {
  issueAccessCodes(campaignId: $c, group: $g, count: $n) {
    __typename ... on IssuedAccessCodes { codes csv slipsHtml(ballotUrl: "https://pingyi.example/vote") } ... on ErrorResult { errorCode message }
  }
}`;

/** Issuing, revoking and counting access codes, on one database. */
export function accessCodesSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
  });
  afterAll(() => server?.close());

  const issue = (group: string, count: number, token = office) =>
    server.gql(ISSUE, { c: campaignId, g: group, n: count }, token);

  it('issues high-entropy codes, printed in groups, stored only as keyed hashes', async () => {
    const { codes, batchId } = await issueCodes(server, office, campaignId, 'residents', 25);
    expect(codes).toHaveLength(25);
    expect(new Set(codes).size).toBe(25);
    for (const code of codes)
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    const stored = await rowsOf<{ code_hash: string; state: string; used_on: string | null }>(
      server,
      `SELECT code_hash, state, used_on FROM access_code WHERE batch_id = ${Number(batchId)}`,
    );
    expect(stored).toHaveLength(25);
    for (const row of stored) {
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row).toMatchObject({ state: 'unused', used_on: null });
    }
    // no table holds a plain code, with or without dashes
    const tables = await rowsOf<{ name: string }>(
      server,
      database === 'postgres'
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    const dump = JSON.stringify(await Promise.all(tables.map((t) => rowsOf(server, `SELECT * FROM "${t.name}"`))));
    for (const code of codes.slice(0, 5)) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
  });

  it("returns print-ready slips and the printer's CSV with the codes, once", async () => {
    const { data } = await server.gql(PRINTABLE, { c: campaignId, g: 'retiredCadres', n: 12 }, office);
    const { codes, csv, slipsHtml } = data.issueAccessCodes;
    expect(slipsHtml.match(/<section class="slip">/g)).toHaveLength(12);
    expect(slipsHtml).toContain('离退休干部');
    expect(slipsHtml).toContain('https://pingyi.example/vote');
    expect(slipsHtml).toContain('@page { size: A4');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('code,group,group_label,campaign');
    expect(lines.slice(1).map((line: string) => line.split(',')[0])).toEqual(codes);
  });

  it('never issues beyond the quota, and says how many remain', async () => {
    const taken = (
      await server.gqlOk<{ accessCodeSummary: { groups: { code: string; issued: number }[] } }>(
        SUMMARY,
        { c: campaignId },
        office,
      )
    ).accessCodeSummary.groups.find((g) => g.code === 'residents')?.issued as number;
    const remaining = 300 - taken;
    const refused = (await issue('residents', remaining + 1)).data.issueAccessCodes;
    expect(refused).toMatchObject({ __typename: 'QuotaExceededError', errorCode: 'QUOTA_EXCEEDED', path: 'count' });
    expect(refused.message).toContain(`has ${remaining} of its 300 access codes left; ${remaining + 1} requested`);
    expect((await issue('residents', remaining)).data.issueAccessCodes.codes).toHaveLength(remaining);
    expect((await issue('residents', 1)).data.issueAccessCodes.message).toContain('has 0 of its 300 access codes left');
  });

  it('keeps the quota when several batches are issued at once', async () => {
    // enterprise representatives: quota 100; eight requests of 30 at the same time: exactly three fit
    const results = await Promise.all(Array.from({ length: 8 }, () => issue('enterpriseRepresentatives', 30)));
    const kinds = results.map((r) => r.data.issueAccessCodes.__typename);
    expect(kinds.filter((k) => k === 'IssuedAccessCodes')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'QuotaExceededError')).toHaveLength(5);
    const [row] = await rowsOf<{ n: number | string }>(
      server,
      "SELECT COUNT(*) AS n FROM access_code WHERE evaluator_group_code = 'enterpriseRepresentatives'",
    );
    expect(Number(row?.n)).toBe(90);
  });

  it('revokes a batch: its unused codes stop working, its used ones keep their ballots, the quota is freed', async () => {
    const { codes, batchId } = await issueCodes(server, office, campaignId, 'enterpriseRepresentatives', 10);
    const used = await cast(
      server,
      { code: codes[0] as string, ratings: [{ unit: 'traffic-police', level: 'satisfied' }] },
      '10.20.0.1',
    );
    expect(used.__typename).toBe('BallotReceipt');
    const revoked = await server.gqlOk<{
      revokeAccessCodeBatch: { revokedAt: string; revokedBy: string; used: number; unused: number; revoked: number };
    }>(REVOKE, { id: batchId }, office);
    expect(revoked.revokeAccessCodeBatch).toMatchObject({ used: 1, unused: 0, revoked: 9 });
    expect(revoked.revokeAccessCodeBatch.revokedAt).toBeTruthy();
    const refused = await cast(
      server,
      { code: codes[1] as string, ratings: [{ unit: 'traffic-police', level: 'satisfied' }] },
      '10.20.0.1',
    );
    expect(refused).toMatchObject({ __typename: 'InvalidCodeError', errorCode: 'INVALID_CODE', path: 'input.code' });
    // 90 before, 10 issued, 9 revoked: 91 count against the quota of 100
    const summary = (
      await server.gqlOk<{ accessCodeSummary: { groups: Record<string, unknown>[] } }>(
        SUMMARY,
        { c: campaignId },
        office,
      )
    ).accessCodeSummary.groups;
    expect(summary.find((g) => g.code === 'enterpriseRepresentatives')).toEqual({
      code: 'enterpriseRepresentatives',
      label: '企业代表',
      quota: 100,
      issued: 91,
      used: 1,
      unused: 90,
      revoked: 9,
      remaining: 9,
    });
    // revoking again changes nothing
    expect(
      (await server.gqlOk<{ revokeAccessCodeBatch: { revoked: number } }>(REVOKE, { id: batchId }, office))
        .revokeAccessCodeBatch.revoked,
    ).toBe(9);
  });

  it('lists batches with their counts, filtered by group and state', async () => {
    const all = await server.gqlOk<{
      accessCodeBatches: {
        totalItems: number;
        items: { evaluatorGroupCode: string; revokedAt: string | null; issuedBy: string }[];
      };
    }>(BATCHES, { c: campaignId, f: { evaluatorGroupCode: 'enterpriseRepresentatives' } }, office);
    expect(all.accessCodeBatches.totalItems).toBe(4);
    expect(
      all.accessCodeBatches.items.every(
        (b) => b.evaluatorGroupCode === 'enterpriseRepresentatives' && b.issuedBy.startsWith('user-office'),
      ),
    ).toBe(true);
    const revoked = await server.gqlOk<{ accessCodeBatches: { totalItems: number } }>(
      BATCHES,
      { c: campaignId, f: { revoked: true } },
      office,
    );
    expect(revoked.accessCodeBatches.totalItems).toBe(1);
  });

  it('refuses bad arguments, naming them', async () => {
    expect((await issue('nobody', 1)).data.issueAccessCodes).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'group',
    });
    expect((await issue('retiredCadres', 0)).data.issueAccessCodes).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'count',
    });
    expect((await issue('retiredCadres', 20_001)).data.issueAccessCodes).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'count',
    });
    expect(
      (await server.gql(ISSUE, { c: '999999', g: 'retiredCadres', n: 1 }, office)).data.issueAccessCodes,
    ).toMatchObject({ errorCode: 'NOT_FOUND', path: 'campaignId' });
    expect((await server.gql(REVOKE, { id: '999999' }, office)).data.revokeAccessCodeBatch).toMatchObject({
      errorCode: 'NOT_FOUND',
    });
  });

  it('lets only the office and admins issue and revoke; leaders read the counts', async () => {
    for (const role of [Role.liaison, Role.inspector, Role.leader]) {
      expect(codeOf(await issue('retiredCadres', 1, await server.loginAs(role, 'traffic-police')))).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(ISSUE, { c: campaignId, g: 'retiredCadres', n: 1 }))).toBe('UNAUTHENTICATED');
    expect((await issue('retiredCadres', 1, await server.adminToken())).data.issueAccessCodes.__typename).toBe(
      'IssuedAccessCodes',
    );
    const leader = await server.gql(SUMMARY, { c: campaignId }, await server.loginAs(Role.leader));
    expect(leader.data.accessCodeSummary.groups).toHaveLength(3);
    expect(
      codeOf(await server.gql(SUMMARY, { c: campaignId }, await server.loginAs(Role.liaison, 'traffic-police'))),
    ).toBe('FORBIDDEN');
  });

  it("hides another bureau's campaign and batches", async () => {
    const other = await server.createBureau(`codes-${database}`);
    expect(
      (await server.gql(ISSUE, { c: campaignId, g: 'retiredCadres', n: 1 }, other.adminToken)).data.issueAccessCodes,
    ).toMatchObject({ errorCode: 'NOT_FOUND' });
    const [batch] = await rowsOf<{ id: number }>(server, 'SELECT id FROM access_code_batch ORDER BY id LIMIT 1');
    expect(
      (await server.gql(REVOKE, { id: String(batch?.id) }, other.adminToken)).data.revokeAccessCodeBatch,
    ).toMatchObject({ errorCode: 'NOT_FOUND' });
    expect(codeOf(await server.gql(SUMMARY, { c: campaignId }, other.adminToken))).toBe('NOT_FOUND');
  });

  it('issues codes in implementation and appraisal only', async () => {
    // one campaign per bureau and year: another bureau's
    const { adminToken } = await server.createBureau(`early-${database}`);
    const early = await createCampaign(server, adminToken, { phase: 'mobilization' });
    const refused = (await server.gql(ISSUE, { c: early, g: 'residents', n: 1 }, adminToken)).data.issueAccessCodes;
    expect(refused).toMatchObject({ __typename: 'PhaseClosedError', errorCode: 'PHASE_CLOSED' });
    expect(refused.message).toMatch(/issueAccessCodes/);
    await moveCampaignTo(server, adminToken, early, 'implementation');
    expect(
      (await server.gql(ISSUE, { c: early, g: 'residents', n: 1 }, adminToken)).data.issueAccessCodes.__typename,
    ).toBe('IssuedAccessCodes');
    await moveCampaignTo(server, adminToken, early, 'rectification');
    expect(
      (await server.gql(ISSUE, { c: early, g: 'residents', n: 1 }, adminToken)).data.issueAccessCodes.errorCode,
    ).toBe('PHASE_CLOSED');
  });
}
