import { SEED_RATING_SCALE } from '@pingyi/domain';
import { createCampaign, createTestServer, moveCampaignTo, phasesAround, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cast, issueCodes, mixBox } from './support/ballot-fixtures';

const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) {
  updateCampaign(id: $id, input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message path } }
}`;
const AUDIT = `{ auditLog(options: { take: 5 }, filter: { operation: "updateCampaign" }) { items { operation success reason changes { field before after } } } }`;
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ResultSnapshot { id policyJson strategyCode standings { unitCode score } } ... on ErrorResult { errorCode message } } }`;
const PUBLISHED = `query($c: ID!) { publishedResults(campaignId: $c) { id policyJson strategyCode standings { unitCode score } } }`;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { strategyCode standings { unitCode score } } }`;

const POLICY = {
  version: 1,
  scale: SEED_RATING_SCALE,
  strategy: { code: 'weighted-mean', args: {} },
  decimals: 2,
  tiers: [{ code: 'all', label: '全部', min: null }],
};
const EDITED = { ...POLICY, strategy: { code: 'trimmed-mean', args: { trim: 0.1 } }, decimals: 1 };

interface AuditRow {
  success: boolean;
  reason: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

/** Changing the scoring rule or the voting window after appraisal has opened needs a reason, kept in the audit log with a readable diff (issue 16). */
describe('changing the scoring rule or the voting window after the vote', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await createTestServer();
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  const lastAudit = async (token = admin): Promise<AuditRow | undefined> =>
    (await server.gqlOk<{ auditLog: { items: AuditRow[] } }>(AUDIT, {}, token)).auditLog.items[0];

  it('changes the rule freely before appraisal opens, and logs what changed', async () => {
    const other = (await server.createBureau('rule-change-early')).adminToken;
    const id = await createCampaign(server, other, { phase: 'implementation', name: '组织实施中的评议工作' });
    const { data } = await server.gql(UPDATE, { id, input: { policyJson: JSON.stringify(EDITED) } }, other);
    expect(data.updateCampaign.__typename).toBe('Campaign');
    const entry = await lastAudit(other);
    expect(entry?.reason).toBeNull();
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { field: 'policy.strategy.code', before: 'weighted-mean', after: 'trimmed-mean' },
        { field: 'policy.strategy.args.trim', before: null, after: '0.1' },
        { field: 'policy.decimals', before: '2', after: '1' },
      ]),
    );
  });

  describe('once appraisal has opened', () => {
    let id: string;
    beforeAll(async () => {
      id = await createCampaign(server, admin, { phase: 'appraisal', name: '接受评议中的评议工作' });
      const { codes } = await issueCodes(server, admin, id, 'residents', 3);
      const levels = ['satisfied', 'fairlySatisfied', 'dissatisfied'];
      for (const [i, code] of codes.entries()) {
        await cast(
          server,
          {
            code,
            ratings: [
              { unit: 'traffic-police', level: levels[i] ?? 'satisfied' },
              { unit: 'legal-affairs', level: 'satisfied' },
            ],
          },
          `10.9.3.${i + 1}`,
        );
      }
      await mixBox(server);
    });

    it('refuses a new scoring rule without a reason, naming what would change', async () => {
      const { data } = await server.gql(UPDATE, { id, input: { policyJson: JSON.stringify(EDITED) } }, admin);
      expect(data.updateCampaign).toMatchObject({
        __typename: 'InvalidArgumentError',
        errorCode: 'INVALID_ARGUMENT',
        path: 'input.reason',
      });
      expect(data.updateCampaign.message).toMatch(/a reason is required to change policy\.strategy\.code/);
      const blank = await server.gql(
        UPDATE,
        { id, input: { policyJson: JSON.stringify(EDITED), reason: '   ' } },
        admin,
      );
      expect(blank.data.updateCampaign).toMatchObject({ path: 'input.reason' });
      // other edits need none
      expect(
        (await server.gql(UPDATE, { id, input: { name: '接受评议中的评议工作（改名）' } }, admin)).data.updateCampaign
          .__typename,
      ).toBe('Campaign');
    });

    it('takes it with a reason, and the audit entry keeps the reason and each changed field', async () => {
      const { data } = await server.gql(
        UPDATE,
        { id, input: { policyJson: JSON.stringify(EDITED), reason: '领导小组会议决定去掉极端值' } },
        admin,
      );
      expect(data.updateCampaign.__typename).toBe('Campaign');
      const entry = await lastAudit();
      expect(entry).toMatchObject({ success: true, reason: '领导小组会议决定去掉极端值' });
      expect(entry?.changes).toContainEqual({
        field: 'policy.strategy.code',
        before: 'weighted-mean',
        after: 'trimmed-mean',
      });
      expect(entry?.changes).toContainEqual({ field: 'policy.decimals', before: '2', after: '1' });
      expect(entry?.changes.some((change) => change.field.startsWith('policy.scale'))).toBe(false);
    });

    it('refuses to move the closed voting window without a reason; a published snapshot never changes', async () => {
      await moveCampaignTo(server, admin, id, 'rectification');
      const published = (
        await server.gqlOk<{
          publishResults: { id: string; policyJson: string; strategyCode: string; standings: unknown[] };
        }>(PUBLISH, { c: id }, admin)
      ).publishResults;
      // reopening the vote in 整改提高
      const reopened = await server.gql(UPDATE, { id, input: { phases: phasesAround('appraisal') } }, admin);
      expect(reopened.data.updateCampaign).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.reason' });
      expect(reopened.data.updateCampaign.message).toMatch(/votingWindow\.appraisal/);
      // the rule changes back, with a reason: the live standings follow, the snapshot does not
      const back = await server.gql(
        UPDATE,
        { id, input: { policyJson: JSON.stringify(POLICY), reason: '恢复原评分规则' } },
        admin,
      );
      expect(back.data.updateCampaign.__typename).toBe('Campaign');
      const live = (await server.gqlOk<{ standings: { strategyCode: string } }>(STANDINGS, { c: id }, admin)).standings;
      expect(live.strategyCode).toBe('weighted-mean');
      const after = (await server.gqlOk<{ publishedResults: unknown[] }>(PUBLISHED, { c: id }, admin)).publishedResults;
      expect(after).toEqual([
        {
          id: published.id,
          policyJson: published.policyJson,
          strategyCode: 'trimmed-mean',
          standings: published.standings,
        },
      ]);
      expect(published.strategyCode).toBe('trimmed-mean');
      expect(JSON.parse(published.policyJson)).toMatchObject({ strategy: { code: 'trimmed-mean' }, decimals: 1 });
      // with a reason the window moves, and the log says from when to when
      const moved = await server.gql(
        UPDATE,
        { id, input: { phases: phasesAround('appraisal'), reason: '补录纸质评议表' } },
        admin,
      );
      expect(moved.data.updateCampaign.__typename).toBe('Campaign');
      const entry = await lastAudit();
      expect(entry?.reason).toBe('补录纸质评议表');
      expect(entry?.changes.map((change) => change.field)).toEqual(
        expect.arrayContaining(['phases.appraisal.start', 'phases.appraisal.end']),
      );
    });
  });
});
