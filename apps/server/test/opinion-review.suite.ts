import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, moveCampaignTo, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, codeOf, issueCodes, type JsonObject, mixBox } from './support/ballot-fixtures';

const OPINIONS = `query($c: ID!, $f: OpinionListFilter) { opinions(campaignId: $c, filter: $f, options: { take: 100 }) { totalItems items { id unitCode status text evaluatorGroupCode } } }`;
const REVIEW = `mutation($ids: [ID!]!, $s: OpinionStatus!) {
  reviewOpinions(ids: $ids, status: $s) { __typename ... on ReviewOpinionsSuccess { updated opinions { id status } } ... on ErrorResult { errorCode message path } }
}`;
const MERGE = `mutation($input: MergeOpinionsInput!) {
  mergeOpinions(input: $input) {
    __typename
    ... on OpinionProblemDetail { problem { id title unitCode opinionCount createdBy } opinionIds opinions { id text status } }
    ... on ErrorResult { errorCode message path }
  }
}`;
const PROBLEMS = `query($c: ID!, $f: OpinionProblemFilter) { opinionProblems(campaignId: $c, filter: $f) { totalItems items { id title unitCode opinionCount } } }`;
const PROBLEM = `query($id: ID!) { opinionProblem(id: $id) { problem { id title } opinionIds opinions { text } } }`;
const OPINIONS_WITH_ITEM = `query($c: ID!, $f: OpinionListFilter) { opinions(campaignId: $c, filter: $f, options: { take: 100 }) { items { id status rectificationItemId } } }`;
const OPEN_ITEM = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on ErrorResult { errorCode message path } } }`;
const ITEM_SOURCES = `query($id: ID!) { rectificationItem(id: $id) { sources { sourceType sourceId text } } }`;
const LEDGER = `query($c: ID!) { rectificationLedgerCsv(campaignId: $c) }`;
const UNMERGE = `mutation($p: ID!, $o: ID!) { unmergeOpinion(problemId: $p, opinionId: $o) { __typename ... on OpinionProblemDetail { opinionIds } ... on ErrorResult { errorCode message } } }`;

/** The office's review queue: bulk statuses, merging opinions into problems; on one database. */
export function opinionReviewSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let traffic: JsonObject[];
  let legal: JsonObject[];

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    const { codes } = await issueCodes(server, office, campaignId, 'residents', 8);
    for (const [i, code] of codes.entries()) {
      const receipt = await cast(server, {
        code,
        ratings: [{ unit: 'traffic-police', level: 'dissatisfied' }],
        opinions: [
          { unit: 'traffic-police', text: `窗口排队太久（${i}）` },
          ...(i < 3 ? [{ unit: 'legal-affairs', text: `执法程序不透明（${i}）` }] : []),
        ],
      });
      expect(receipt.__typename).toBe('BallotReceipt');
    }
    // the opinions are listed once the ballot box is mixed
    await mixBox(server);
    const all = (await server.gqlOk<{ opinions: { items: JsonObject[] } }>(OPINIONS, { c: campaignId }, office))
      .opinions.items;
    traffic = all.filter((o) => o.unitCode === 'traffic-police');
    legal = all.filter((o) => o.unitCode === 'legal-affairs');
  });
  afterAll(() => server?.close());

  it('sets the status of many opinions at once', async () => {
    const ids = traffic.slice(6).map((o) => o.id);
    const result = await server.gqlOk<{ reviewOpinions: { updated: number; opinions: JsonObject[] } }>(
      REVIEW,
      { ids, s: 'notActionable' },
      office,
    );
    expect(result.reviewOpinions.updated).toBe(2);
    const after = await server.gqlOk<{ opinions: { totalItems: number } }>(
      OPINIONS,
      { c: campaignId, f: { status: 'notActionable' } },
      office,
    );
    expect(after.opinions.totalItems).toBe(2);
  });

  it('changes none when one id is unknown or malformed', async () => {
    const ids = [traffic[0]?.id, '00000000-0000-4000-8000-000000000000'];
    expect((await server.gql(REVIEW, { ids, s: 'duplicate' }, office)).data.reviewOpinions).toMatchObject({
      errorCode: 'NOT_FOUND',
      path: 'ids[1]',
    });
    expect((await server.gql(REVIEW, { ids: ['nope'], s: 'duplicate' }, office)).data.reviewOpinions).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'ids[0]',
    });
    expect((await server.gql(REVIEW, { ids: [], s: 'duplicate' }, office)).data.reviewOpinions).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      path: 'ids',
    });
    const duplicates = await server.gqlOk<{ opinions: { totalItems: number } }>(
      OPINIONS,
      { c: campaignId, f: { status: 'duplicate' } },
      office,
    );
    expect(duplicates.opinions.totalItems).toBe(0);
  });

  it('merges opinions into a problem, marks them verified, and adds more later', async () => {
    const first = traffic.slice(0, 3).map((o) => o.id);
    const merged = await server.gqlOk<{ mergeOpinions: JsonObject }>(
      MERGE,
      { input: { opinionIds: first, title: '交警窗口排队时间长' } },
      office,
    );
    expect(merged.mergeOpinions.problem).toMatchObject({
      title: '交警窗口排队时间长',
      unitCode: 'traffic-police',
      opinionCount: 3,
    });
    expect([...merged.mergeOpinions.opinionIds].sort()).toEqual([...first].sort());
    expect(merged.mergeOpinions.opinions.every((o: JsonObject) => o.status === 'verified')).toBe(true);
    const problemId = merged.mergeOpinions.problem.id as string;
    const more = await server.gqlOk<{ mergeOpinions: JsonObject }>(
      MERGE,
      { input: { opinionIds: traffic.slice(3, 5).map((o) => o.id), problemId } },
      office,
    );
    expect(more.mergeOpinions.problem.opinionCount).toBe(5);
    // one opinion in two problems is refused
    const twice = (await server.gql(MERGE, { input: { opinionIds: [traffic[0]?.id], title: '另一个问题' } }, office))
      .data.mergeOpinions;
    expect(twice).toMatchObject({
      errorCode: 'ALREADY_MERGED',
      message: expect.stringContaining('交警窗口排队时间长'),
    });
    // out and back in
    expect(
      (
        await server.gqlOk<{ unmergeOpinion: { opinionIds: string[] } }>(
          UNMERGE,
          { p: problemId, o: traffic[4]?.id },
          office,
        )
      ).unmergeOpinion.opinionIds,
    ).toHaveLength(4);
    expect((await server.gql(UNMERGE, { p: problemId, o: traffic[4]?.id }, office)).data.unmergeOpinion.errorCode).toBe(
      'NOT_FOUND',
    );
    const detail = await server.gqlOk<{ opinionProblem: JsonObject }>(PROBLEM, { id: problemId }, office);
    expect(detail.opinionProblem.opinions.map((o: JsonObject) => o.text).sort()).toEqual(
      traffic
        .slice(0, 4)
        .map((o) => o.text)
        .sort(),
    );
  });

  it('needs a unit when the opinions are about several, and a title for a new problem', async () => {
    const mixed = [traffic[5]?.id, legal[0]?.id];
    expect(
      (await server.gql(MERGE, { input: { opinionIds: mixed, title: '混合' } }, office)).data.mergeOpinions,
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.unitCode' });
    expect(
      (await server.gql(MERGE, { input: { opinionIds: mixed, title: '混合', unitCode: 'nowhere' } }, office)).data
        .mergeOpinions,
    ).toMatchObject({ errorCode: 'UNKNOWN_UNIT' });
    expect(
      (await server.gql(MERGE, { input: { opinionIds: [legal[0]?.id] } }, office)).data.mergeOpinions,
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.title' });
    const ok = await server.gqlOk<{ mergeOpinions: JsonObject }>(
      MERGE,
      { input: { opinionIds: legal.map((o) => o.id), title: '执法程序不透明' } },
      office,
    );
    expect(ok.mergeOpinions.problem).toMatchObject({ unitCode: 'legal-affairs', opinionCount: 3 });
  });

  it('marks opinions merged into a rectification item, links both ways, and refuses to merge them again', async () => {
    await moveCampaignTo(server, office, campaignId, 'rectification');
    const opened = await server.gql(
      OPEN_ITEM,
      {
        input: {
          campaignId,
          title: '窗口排队',
          unitCode: 'traffic-police',
          sources: traffic.slice(5, 7).map((o) => ({ type: 'opinion', id: o.id })),
        },
      },
      office,
    );
    const itemId = opened.data?.openRectificationItem?.id as string;
    expect(opened).toMatchObject({ data: { openRectificationItem: { __typename: 'RectificationItem' } } });
    expect(itemId).toBeTruthy();
    const merged = await server.gqlOk<{ opinions: { items: JsonObject[] } }>(
      OPINIONS_WITH_ITEM,
      { c: campaignId, f: { status: 'merged' } },
      office,
    );
    expect(merged.opinions.items.map((o) => o.id).sort()).toEqual(
      traffic
        .slice(5, 7)
        .map((o) => o.id)
        .sort(),
    );
    expect(merged.opinions.items.every((o) => o.rectificationItemId === itemId)).toBe(true);
    // the default queue (pending) no longer holds them
    const pending = await server.gqlOk<{ opinions: { items: JsonObject[] } }>(
      OPINIONS_WITH_ITEM,
      { c: campaignId, f: { status: 'pending' } },
      office,
    );
    expect(pending.opinions.items.some((o) => o.rectificationItemId !== null)).toBe(false);
    // the item lists its sources by their words; the ledger too, without ids
    const detail = await server.gqlOk<{ rectificationItem: { sources: JsonObject[] } }>(
      ITEM_SOURCES,
      { id: itemId },
      office,
    );
    expect(detail.rectificationItem.sources.map((s) => s.text).sort()).toEqual(
      traffic
        .slice(5, 7)
        .map((o) => o.text)
        .sort(),
    );
    const ledger = (await server.gqlOk<{ rectificationLedgerCsv: string }>(LEDGER, { c: campaignId }, office))
      .rectificationLedgerCsv;
    expect(ledger).toContain(`群众意见：${traffic[5]?.text}`);
    expect(ledger).not.toContain(String(traffic[5]?.id));
    // a second reviewer merging one of them again is refused, naming the item
    const again = await server.gql(
      OPEN_ITEM,
      {
        input: {
          campaignId,
          title: '又一个',
          unitCode: 'traffic-police',
          sources: [{ type: 'opinion', id: traffic[6]?.id }],
        },
      },
      office,
    );
    expect(again.data.openRectificationItem).toMatchObject({
      errorCode: 'ALREADY_MERGED',
      path: 'input.sources[0].id',
      message: expect.stringContaining('窗口排队'),
    });
    // a reviewer cannot set `merged` by hand
    expect(
      (await server.gql(REVIEW, { ids: [traffic[0]?.id], s: 'merged' }, office)).data.reviewOpinions,
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'status' });
  });

  it('lists problems with their counts; a liaison sees their own unit only; others write nothing', async () => {
    const all = await server.gqlOk<{ opinionProblems: { totalItems: number; items: JsonObject[] } }>(
      PROBLEMS,
      { c: campaignId },
      office,
    );
    expect(all.opinionProblems.items.map((p) => [p.unitCode, p.opinionCount]).sort()).toEqual([
      ['legal-affairs', 3],
      ['traffic-police', 4],
    ]);
    const liaison = await server.loginAs(Role.liaison, 'legal-affairs');
    const own = await server.gqlOk<{ opinionProblems: { items: JsonObject[] } }>(PROBLEMS, { c: campaignId }, liaison);
    expect(own.opinionProblems.items.map((p) => p.unitCode)).toEqual(['legal-affairs']);
    const trafficProblem = all.opinionProblems.items.find((p) => p.unitCode === 'traffic-police');
    expect(codeOf(await server.gql(PROBLEM, { id: trafficProblem?.id }, liaison))).toBe('FORBIDDEN');
    for (const role of [Role.liaison, Role.leader, Role.inspector]) {
      expect(
        codeOf(
          await server.gql(
            REVIEW,
            { ids: [traffic[0]?.id], s: 'verified' },
            await server.loginAs(role, 'legal-affairs'),
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    const other = await server.createBureau(`review-${database}`);
    expect(
      (await server.gql(REVIEW, { ids: [traffic[0]?.id], s: 'verified' }, other.adminToken)).data.reviewOpinions
        .errorCode,
    ).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(PROBLEM, { id: trafficProblem?.id }, other.adminToken))).toBe('NOT_FOUND');
  });
}
