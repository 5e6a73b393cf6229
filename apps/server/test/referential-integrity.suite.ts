import { BallotBoxService, BallotMixer, Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer, today } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  campaignInput,
  CREATE_CAMPAIGN,
  createCampaign,
  GROUPS,
  hostBureauId,
  SET_UNITS,
  UNITS,
  UPDATE_CAMPAIGN,
} from './support/campaign-content';
import { insertRowsNamingUnit, run, UNIT_ROW_KINDS } from './support/integrity-rows';

const IN_USE = `... on InUseError { subjectKind subjectCode uses { kind count } }`;
const SET_UNITS_IN_USE = SET_UNITS.replace('... on ErrorResult', `${IN_USE} ... on ErrorResult`);
const UPDATE_IN_USE = UPDATE_CAMPAIGN.replace('... on ErrorResult', `${IN_USE} ... on ErrorResult`);
const ISSUE = `mutation($c: ID!, $g: String!, $n: Int!) { issueAccessCodes(campaignId: $c, group: $g, count: $n) { __typename ... on ErrorResult { errorCode message } } }`;
const DELETE = `mutation($id: ID!) { deleteCampaign(id: $id) { __typename ... on DeleteCampaignSuccess { id archived keptBy { kind count } } ... on ErrorResult { errorCode message } } }`;
const UNARCHIVE = `mutation($id: ID!) { unarchiveCampaign(id: $id) { __typename ... on Campaign { id archivedAt } ... on ErrorResult { errorCode message } } }`;
const REMOVE_DEMO = `mutation($id: ID!) { removeDemoCampaign(id: $id) { __typename ... on RemoveDemoCampaignSuccess { id } ... on ErrorResult { errorCode message } } }`;
const CAMPAIGNS = `query($f: CampaignListFilter) { campaigns(filter: $f) { items { id year archivedAt } } }`;

/**
 * Referential integrity over GraphQL: a unit or group that rows still name is
 * kept with a refusal naming them (derived from the foreign keys), a campaign
 * with ballots is archived, a demo campaign is removed whole, and the
 * database itself refuses a row whose bureau is not its campaign's.
 */
export function referentialIntegritySuite(database: TestDatabase, options: { synchronize?: boolean } = {}): void {
  let server: TestServer;
  let admin: string;
  let bureauId: number;
  const pg = database === 'postgres';
  const truthy = pg ? 'true' : '1';

  beforeAll(async () => {
    server = await createTestServer({ database, ...(options.synchronize ? { synchronize: true } : {}) });
    admin = await server.adminToken();
    bureauId = await hostBureauId(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A fresh campaign with the test units; the ones before are archived (by SQL), which frees their year. */
  async function freshCampaign(phase: 'implementation' | 'rectification' = 'rectification'): Promise<string> {
    await run(server.dataSource, pg, 'UPDATE campaign SET archived_at = ? WHERE archived_at IS NULL', [
      new Date().toISOString(),
    ]);
    return createCampaign(server, admin, phase);
  }

  it('refuses to remove a unit that rows of every kind and liaison accounts name, naming them all', async () => {
    const campaignId = await freshCampaign();
    await insertRowsNamingUnit(server.dataSource, pg, {
      bureauId,
      campaignId: Number(campaignId),
      unitCode: 'legal-affairs',
      groupCode: 'residents',
      day: today(),
    });
    await server.createUser({ roles: [Role.liaison], unitCode: 'legal-affairs' });
    await server.createUser({ roles: [Role.liaison], unitCode: 'legal-affairs' });

    const { data } = await server.gql(
      SET_UNITS_IN_USE,
      { c: campaignId, units: UNITS.filter((u) => u.code !== 'legal-affairs') },
      admin,
    );
    expect(data.setUnits).toMatchObject({
      __typename: 'InUseError',
      errorCode: 'IN_USE',
      path: 'units',
      subjectKind: 'unit',
      subjectCode: 'legal-affairs',
    });
    const uses = Object.fromEntries(
      data.setUnits.uses.map((use: { kind: string; count: number }) => [use.kind, use.count]),
    );
    expect(uses).toEqual({ ...Object.fromEntries(UNIT_ROW_KINDS.map((kind) => [kind, 1])), liaisonAccount: 2 });
    expect(data.setUnits.message).toMatch(
      /unit 法制处 \(legal-affairs\) is still used by .*1 rectification item, .*1 inspection.*2 liaison accounts; it cannot be removed$/,
    );
    const units = await run(server.dataSource, pg, 'SELECT code FROM unit WHERE campaign_id = ?', [campaignId]);
    expect(units.map((u) => u.code)).toContain('legal-affairs');
  });

  it('still removes a unit nothing names', async () => {
    const campaignId = await freshCampaign();
    const { data } = await server.gql(
      SET_UNITS,
      { c: campaignId, units: UNITS.filter((u) => u.code !== 'logistics') },
      admin,
    );
    expect(data.setUnits.__typename).toBe('UnitList');
  });

  it('refuses to remove an evaluator group with issued access codes, naming them', async () => {
    const campaignId = await freshCampaign('implementation');
    const issued = await server.gql(ISSUE, { c: campaignId, g: 'supervisorsAndJournalists', n: 3 }, admin);
    expect(issued.data.issueAccessCodes.__typename).toBe('IssuedAccessCodes');
    const { data } = await server.gql(
      UPDATE_IN_USE,
      { id: campaignId, input: { evaluatorGroups: GROUPS.slice(0, 2), policyJson: policyWithoutLastGroup() } },
      admin,
    );
    expect(data.updateCampaign).toMatchObject({
      __typename: 'InUseError',
      path: 'input.evaluatorGroups',
      subjectKind: 'evaluatorGroup',
      subjectCode: 'supervisorsAndJournalists',
    });
    expect(data.updateCampaign.uses).toEqual(
      expect.arrayContaining([
        { kind: 'accessCodeBatch', count: 1 },
        { kind: 'accessCode', count: 3 },
      ]),
    );
  });

  it('counts ballots waiting in the ballot box: the unit, group and campaign they name are kept, with waitingBallot among the uses', async () => {
    const campaignId = await freshCampaign('implementation');
    const box = server.app.get(BallotBoxService);
    const waiting = {
      bureauId,
      campaignId: Number(campaignId),
      evaluatorGroupCode: 'supervisorsAndJournalists',
      channel: 'paper' as const,
      castOn: today(),
      paperBatchId: null,
      isDemo: false,
      ratings: [['legal-affairs', 'satisfied']] as const,
      opinions: [],
      accessCodeId: null,
      boxedAt: Date.now(),
    };
    expect((await box.tx.steps([box.entrySteps([waiting])])).ok).toBe(true);
    const usesOf = (result: { uses: { kind: string; count: number }[] }) =>
      Object.fromEntries(result.uses.map((use) => [use.kind, use.count]));

    const units = await server.gql(
      SET_UNITS_IN_USE,
      { c: campaignId, units: UNITS.filter((u) => u.code !== 'legal-affairs') },
      admin,
    );
    expect(units.data.setUnits).toMatchObject({
      __typename: 'InUseError',
      subjectKind: 'unit',
      subjectCode: 'legal-affairs',
    });
    expect(usesOf(units.data.setUnits)).toMatchObject({ waitingBallot: 1 }); // liaison accounts of earlier tests name legal-affairs too
    const groups = await server.gql(
      UPDATE_IN_USE,
      { id: campaignId, input: { evaluatorGroups: GROUPS.slice(0, 2), policyJson: policyWithoutLastGroup() } },
      admin,
    );
    expect(groups.data.updateCampaign).toMatchObject({
      __typename: 'InUseError',
      subjectKind: 'evaluatorGroup',
      subjectCode: 'supervisorsAndJournalists',
    });
    expect(usesOf(groups.data.updateCampaign)).toEqual({ waitingBallot: 1 });
    // deleted outright, the campaign would take the waiting ballot with it (the box's key cascades): it is archived instead
    const removal = await server.gql(DELETE, { id: campaignId }, admin);
    expect(removal.data.deleteCampaign).toMatchObject({
      archived: true,
      keptBy: [{ kind: 'waitingBallot', count: 1 }],
    });
    expect(await server.app.get(BallotMixer).mixAll()).toBeGreaterThanOrEqual(1);
    expect(
      await run(server.dataSource, pg, 'SELECT COUNT(*) AS n FROM rating WHERE campaign_id = ? AND unit_code = ?', [
        campaignId,
        'legal-affairs',
      ]),
    ).toEqual([{ n: pg ? '1' : 1 }]);
  });

  it('archives a campaign with ballots instead of deleting it: hidden, read-only, its year free, listed with archived', async () => {
    const campaignId = await freshCampaign();
    await insertRowsNamingUnit(server.dataSource, pg, {
      bureauId,
      campaignId: Number(campaignId),
      unitCode: 'traffic-police',
      groupCode: 'residents',
      day: today(),
    });
    const { data } = await server.gql(DELETE, { id: campaignId }, admin);
    expect(data.deleteCampaign).toEqual({
      __typename: 'DeleteCampaignSuccess',
      id: campaignId,
      archived: true,
      keptBy: [{ kind: 'ballot', count: 1 }],
    });
    const ballots = await run(server.dataSource, pg, 'SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = ?', [
      campaignId,
    ]);
    expect(Number(ballots[0]?.n)).toBe(1);

    const live = await server.gql(CAMPAIGNS, {}, admin);
    expect(live.data.campaigns.items.map((c: { id: string }) => c.id)).not.toContain(campaignId);
    const archived = await server.gql(CAMPAIGNS, { f: { archived: true } }, admin);
    expect(archived.data.campaigns.items.map((c: { id: string }) => c.id)).toContain(campaignId);

    const edit = await server.gql(SET_UNITS, { c: campaignId, units: UNITS }, admin);
    expect(edit.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_ARCHIVED');

    // its year is free for a new campaign; then it cannot come back while that one holds the year
    const year = await run<{ year: number }>(server.dataSource, pg, 'SELECT year FROM campaign WHERE id = ?', [
      campaignId,
    ]);
    const [original] = await run<{ phases: string }>(
      server.dataSource,
      pg,
      'SELECT phases FROM campaign WHERE id = ?',
      [campaignId],
    );
    const again = await server.gql(
      CREATE_CAMPAIGN,
      {
        input: {
          ...campaignInput('rectification'),
          year: Number(year[0]?.year),
          phases: JSON.parse(String(original?.phases)),
        },
      },
      admin,
    );
    expect(again.data.createCampaign.__typename).toBe('Campaign');
    const back = await server.gql(UNARCHIVE, { id: campaignId }, admin);
    expect(back.data.unarchiveCampaign.errorCode).toBe('CAMPAIGN_YEAR_TAKEN');
  });

  it('deletes a campaign without ballots or results outright', async () => {
    const campaignId = await freshCampaign();
    const { data } = await server.gql(DELETE, { id: campaignId }, admin);
    expect(data.deleteCampaign).toMatchObject({ archived: false, keptBy: [] });
    expect(await run(server.dataSource, pg, 'SELECT id FROM campaign WHERE id = ?', [campaignId])).toEqual([]);
  });

  it('removes a demo campaign entirely, its demo ballots and results included, and refuses that for a real one', async () => {
    const campaignId = await freshCampaign();
    await insertRowsNamingUnit(server.dataSource, pg, {
      bureauId,
      campaignId: Number(campaignId),
      unitCode: 'traffic-police',
      groupCode: 'residents',
      day: today(),
    });
    await run(
      server.dataSource,
      pg,
      `INSERT INTO result_snapshot (bureau_id, campaign_id, policy, standings, rating_count, small_cell_k, published_at, published_by) VALUES (?, ?, '{}', '[]', 1, 5, ?, 'office')`,
      [bureauId, campaignId, new Date().toISOString()],
    );
    const real = await server.gql(REMOVE_DEMO, { id: campaignId }, admin);
    expect(real.data.removeDemoCampaign.errorCode).toBe('INVALID_ARGUMENT');

    await run(server.dataSource, pg, `UPDATE campaign SET is_demo = ${truthy} WHERE id = ?`, [campaignId]);
    const { data } = await server.gql(REMOVE_DEMO, { id: campaignId }, admin);
    expect(data.removeDemoCampaign).toEqual({ __typename: 'RemoveDemoCampaignSuccess', id: campaignId });
    for (const table of ['campaign', 'ballot', 'rating', 'result_snapshot', 'rectification_item', 'unit']) {
      const column = table === 'campaign' ? 'id' : 'campaign_id';
      expect(
        await run(server.dataSource, pg, `SELECT 1 FROM ${table} WHERE ${column} = ?`, [campaignId]),
        table,
      ).toEqual([]);
    }
  });

  it("has the database refuse a row whose bureau is not its campaign's", async () => {
    const campaignId = await freshCampaign();
    await run(
      server.dataSource,
      pg,
      `INSERT INTO bureau (code, name, host) VALUES ('other-bureau', 'Other', ${pg ? 'false' : '0'})`,
    );
    const [other] = await run<{ id: number }>(
      server.dataSource,
      pg,
      "SELECT id FROM bureau WHERE code = 'other-bureau'",
    );
    const foreign = {
      bureauId: Number(other?.id),
      campaignId: Number(campaignId),
      unitCode: 'traffic-police',
      groupCode: 'residents',
      day: today(),
    };
    await expect(insertRowsNamingUnit(server.dataSource, pg, foreign)).rejects.toThrow(/foreign key/i);
    await expect(
      run(
        server.dataSource,
        pg,
        'INSERT INTO unit_plan (bureau_id, campaign_id, unit_code, title, body, filed_on, filed_by, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [foreign.bureauId, campaignId, 'traffic-police', '方案', '正文', today(), 'x', 1],
      ),
    ).rejects.toThrow(/foreign key/i);
    // and a row naming a unit the campaign does not have
    await expect(
      run(
        server.dataSource,
        pg,
        'INSERT INTO inspection (bureau_id, campaign_id, kind, date, unit_code, focus_areas, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [bureauId, campaignId, 'open', today(), 'no-such-unit', 'safety', '检查'],
      ),
    ).rejects.toThrow(/foreign key/i);
  });
}

function policyWithoutLastGroup(): string {
  return JSON.stringify({
    version: 1,
    scale: [
      { code: 'satisfied', label: '满意', points: 100 },
      { code: 'fairlySatisfied', label: '比较满意', points: 85 },
      { code: 'basicallySatisfied', label: '基本满意', points: 70 },
      { code: 'notVerySatisfied', label: '不太满意', points: 55 },
      { code: 'dissatisfied', label: '不满意', points: 40 },
      { code: 'unknown', label: '不了解', points: null },
    ],
    groups: GROUPS.slice(0, 2).map((g) => ({ code: g.code, label: g.label, weight: 1 })),
    strategy: { code: 'weighted-mean', args: {} },
  });
}
