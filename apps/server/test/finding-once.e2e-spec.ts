import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestServer, today } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { __typename ... on Inspection { id findings { id } } ... on ErrorResult { errorCode message path } } }`;
const OPEN_FROM_FINDING = `mutation($f: ID!, $input: OpenItemFromFindingInput) {
  openRectificationItemFromFinding(findingId: $f, input: $input) {
    __typename ... on RectificationItem { id title unitCode } ... on AlreadyOpenedError { itemId itemTitle unitCode unitName } ... on ErrorResult { errorCode message path }
  }
}`;
const OPEN = `mutation($input: OpenRectificationItemInput!) {
  openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on AlreadyOpenedError { itemId unitName } ... on ErrorResult { errorCode message path } }
}`;
const DISMISS = `mutation($id: ID!) { fireRectificationEvent(id: $id, event: dismiss, payload: { reason: "不属于本单位职责" }) { __typename ... on ErrorResult { errorCode message } } }`;
const ITEMS = `query($c: ID!) { rectificationItems(campaignId: $c) { totalItems } }`;

/** One inspection finding opens one live rectification item: a second attempt is refused, naming the first. */
describe('an inspection finding opens one item', () => {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let findingId: string;

  beforeAll(async () => {
    server = await createTestServer();
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, { phase: 'rectification' });
    const recorded = await server.gqlOk<{ recordInspection: { findings: { id: string }[] } }>(
      RECORD,
      {
        input: {
          campaignId,
          kind: 'covert',
          date: today(),
          unitCode: 'public-order',
          focusAreas: ['serviceAttitude'],
          summary: '暗访户籍窗口。',
          findings: [{ focusArea: 'serviceAttitude', text: '窗口民警对群众咨询答复不耐烦。' }],
        },
      },
      office,
    );
    findingId = recorded.recordInspection.findings[0]!.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  const count = async () =>
    (await server.gqlOk<{ rectificationItems: { totalItems: number } }>(ITEMS, { c: campaignId }, office))
      .rectificationItems.totalItems;

  it('refuses a second item from the same finding, naming the first, and opens nothing', async () => {
    const first = await server.gqlOk<{ openRectificationItemFromFinding: { id: string } }>(
      OPEN_FROM_FINDING,
      { f: findingId, input: null },
      office,
    );
    const again = (await server.gql(OPEN_FROM_FINDING, { f: findingId, input: null }, office)).data
      ?.openRectificationItemFromFinding as Record<string, unknown>;
    expect(again).toMatchObject({
      __typename: 'AlreadyOpenedError',
      errorCode: 'ALREADY_OPENED',
      itemId: first.openRectificationItemFromFinding.id,
      itemTitle: '窗口民警对群众咨询答复不耐烦。',
      unitCode: 'public-order',
      unitName: '治安支队',
    });
    expect(again.message).toContain(`#${first.openRectificationItemFromFinding.id}`);
    // the general 立项 path citing the finding is refused the same way
    const cited = (
      await server.gql(
        OPEN,
        {
          input: {
            campaignId,
            title: '同一问题',
            unitCode: 'public-order',
            sources: [{ type: 'inspectionFinding', id: findingId }],
          },
        },
        office,
      )
    ).data?.openRectificationItem;
    expect(cited).toMatchObject({
      __typename: 'AlreadyOpenedError',
      itemId: first.openRectificationItemFromFinding.id,
    });
    expect(await count()).toBe(1);
  });

  it('lets a sub-item of that item cite the finding, and a new item once the first is dismissed', async () => {
    const items = await server.gqlOk<{ rectificationItems: { items: { id: string }[] } }>(
      `query($c: ID!) { rectificationItems(campaignId: $c) { items { id } } }`,
      { c: campaignId },
      office,
    );
    const firstId = items.rectificationItems.items[0]!.id;
    await server.gqlOk(DISMISS, { id: firstId }, office);
    const second = await server.gqlOk<{ openRectificationItemFromFinding: { id: string } }>(
      OPEN_FROM_FINDING,
      { f: findingId, input: null },
      office,
    );
    await server.gqlOk(
      OPEN_FROM_FINDING,
      {
        f: findingId,
        input: {
          parentId: second.openRectificationItemFromFinding.id,
          unitCode: 'public-order',
          title: '户籍窗口整改',
        },
      },
      office,
    );
    expect(await count()).toBe(3);
  });
});
