import { addDays, SEED_RATING_SCALE } from '@pingyi/domain';
import { type BallotToStore, Role } from '@pingyi/server-core';
import { parsePolicy, scoreTally, Tally } from '@pingyi/scoring';
import { createTestServer, type TestDatabase, type TestServer, today } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ballotsOf,
  codeOf,
  createCampaign,
  GROUPS,
  hostBureauId,
  moveTo,
  POLICY,
  storeBallots,
  storeOpinions,
  tallyRowsOf,
} from './support/campaign-content';

const LEVELS = SEED_RATING_SCALE.map((level) => level.code);
const UNIT_CODES = ['traffic-police', 'public-order', 'legal-affairs'];

/** A varied, deterministic ballot set: 40 residents, 12 enterprise representatives, 3 journalists (a small cell). */
function ballotSet(shift = 0): BallotToStore[] {
  const pick = (i: number, unit: number) =>
    LEVELS[(i * (unit + 2) + unit + shift) % (unit === 0 ? 3 : unit === 1 ? 5 : 6)] as string;
  const make = (group: string, n: number, offset: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        ballotsOf(
          1,
          group,
          Object.fromEntries(UNIT_CODES.map((unit, u) => [unit, pick(i + offset, u)])),
        )[0] as BallotToStore,
    );
  return [
    ...make('residents', 40, 0),
    ...make('enterpriseRepresentatives', 12, 3),
    ...make('supervisorsAndJournalists', 3, 7),
  ];
}

const STANDINGS = `query($c: ID!) { standings(campaignId: $c) {
  strategyCode ratingCount smallCellK
  standings { unitCode unitName ballots counted valid score rank tier tierLabel rates { level value } counts { level value }
    explanation { strategy scoreText textZh textEn stepsWithheld steps { labelZh labelEn expression value } } }
} }`;
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) {
  __typename ... on ResultSnapshot { id ratingCount policyJson strategyCode publishedBy standings { unitCode score rank } } ... on ErrorResult { errorCode message path }
} }`;
const BREAKDOWN = `query($c: ID!, $u: String) { breakdown(campaignId: $c, unitCode: $u) {
  smallCellK levels { code } units { unitCode ballots counts groups { groupCode suppressed suppression ballots counts } }
} }`;

/** Results: the SQL tally scored by scoreTally, small cells, preview, publishing, comparison, on one database. */
export function resultsSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  let bureauId: number;
  let campaignId: string;
  const ballots = ballotSet();

  beforeAll(async () => {
    server = await createTestServer({ database });
    admin = await server.adminToken();
    bureauId = await hostBureauId(server);
    campaignId = await createCampaign(server, admin, 'appraisal');
    await storeBallots(server, bureauId, campaignId, ballots);
  });
  afterAll(() => server?.close());

  it('equals scoreTally on the same tally, counted in one GROUP BY statement', async () => {
    server.sql.reset();
    const { data } = await server.gql(STANDINGS, { c: campaignId }, admin);
    const tallyStatements = server.sql.statements.filter((s) => /\brating\b/.test(s.sql));
    expect(tallyStatements).toHaveLength(1);
    expect(tallyStatements[0]?.sql).toMatch(/GROUP BY/i);
    expect(tallyStatements[0]?.sql).toMatch(/COUNT\(\*\)/i);
    expect(server.sql.statements.some((s) => /FROM "?ballot"?(\s|$)/i.test(s.sql))).toBe(false);

    const policy = parsePolicy(POLICY);
    const expected = scoreTally(
      Tally.fromRows(tallyRowsOf(ballots), { scale: policy.scale, groups: policy.groups }),
      policy,
    ).standings;
    expect(data.standings.ratingCount).toBe(ballots.length * UNIT_CODES.length);
    expect(data.standings.standings.map((s: { unitCode: string }) => s.unitCode)).toEqual(expected.map((s) => s.unit));
    for (const [i, standing] of data.standings.standings.entries()) {
      const want = expected[i];
      expect(standing).toMatchObject({
        ballots: want?.ballots,
        counted: want?.counted,
        valid: want?.valid,
        score: want?.score,
        rank: want?.rank,
        tier: want?.tier,
      });
      expect(
        Object.fromEntries(standing.rates.map((r: { level: string; value: number }) => [r.level, r.value])),
      ).toEqual(want?.rates);
    }
    expect(new Set(data.standings.standings.map((s: { score: number }) => s.score)).size).toBe(3);
    expect(data.standings.standings[0].unitName).toBeTruthy();
  });

  it('withholds small cells and their complement in the breakdown, and explanation steps that would show them', async () => {
    const { data } = await server.gql(BREAKDOWN, { c: campaignId, u: 'traffic-police' }, admin);
    const unit = data.breakdown.units[0];
    expect(data.breakdown.smallCellK).toBe(5);
    expect(unit.ballots).toBe(55);
    const groups = Object.fromEntries(unit.groups.map((g: { groupCode: string }) => [g.groupCode, g]));
    expect(groups.supervisorsAndJournalists).toEqual({
      groupCode: 'supervisorsAndJournalists',
      suppressed: true,
      suppression: 'smallCell',
      ballots: null,
      counts: null,
    });
    expect(groups.enterpriseRepresentatives).toMatchObject({
      suppressed: true,
      suppression: 'complementary',
      ballots: null,
      counts: null,
    });
    const residents = tallyRowsOf(ballots).filter((r) => r.unit === 'traffic-police' && r.group === 'residents');
    expect(groups.residents).toMatchObject({
      suppressed: false,
      ballots: 40,
      counts: LEVELS.map((level) => residents.find((r) => r.level === level)?.count ?? 0),
    });
    // the visible cells never let the withheld ones be recovered one by one: the unit total minus residents is two groups' sum
    expect(unit.counts.reduce((a: number, b: number) => a + b, 0) - groups.residents.ballots).toBe(15);

    const standings = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings.standings;
    for (const standing of standings) {
      expect(standing.explanation.stepsWithheld).toBe(true);
      expect(standing.explanation.steps).toEqual([]);
      expect(standing.explanation.textZh).not.toContain('监督员/记者');
      expect(standing.explanation.textZh).toContain('少于 5 票');
    }
  });

  it('shows every cell when k is lowered (PINGYI_SMALL_CELL_K)', async () => {
    const lenient = await createTestServer({ database, env: { PINGYI_SMALL_CELL_K: '2' } });
    try {
      const token = await lenient.adminToken();
      const id = await createCampaign(lenient, token, 'appraisal');
      await storeBallots(lenient, await hostBureauId(lenient), id, ballots);
      const { data } = await lenient.gql(BREAKDOWN, { c: id, u: null }, token);
      expect(data.breakdown.smallCellK).toBe(2);
      expect(
        data.breakdown.units
          .flatMap((u: { groups: { suppressed: boolean }[] }) => u.groups)
          .some((g: { suppressed: boolean }) => g.suppressed),
      ).toBe(false);
      const standings = (await lenient.gql(STANDINGS, { c: id }, token)).data.standings.standings;
      expect(standings[0].explanation.stepsWithheld).toBe(false);
      expect(standings[0].explanation.steps.length).toBeGreaterThan(0);
    } finally {
      await lenient.close();
    }
  });

  it("confines a liaison's breakdown to their unit", async () => {
    const liaison = await server.loginAs(Role.liaison, 'legal-affairs');
    const own = await server.gql(BREAKDOWN, { c: campaignId, u: null }, liaison);
    expect(own.data.breakdown.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['legal-affairs']);
    const other = await server.gql(BREAKDOWN, { c: campaignId, u: 'traffic-police' }, liaison);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'unitCode' });
    expect(codeOf(await server.gql(STANDINGS, { c: campaignId }, liaison))).toBe('FORBIDDEN');
  });

  it('previews the current tally under an unsaved policy, and names a bad field', async () => {
    const PREVIEW = `query($c: ID!, $p: String!) { previewStandings(campaignId: $c, policyJson: $p) {
      __typename ... on CampaignStandings { strategyCode standings { unitCode score rank } } ... on ErrorResult { errorCode message path } } }`;
    const mean = { version: 1, scale: SEED_RATING_SCALE, strategy: { code: 'weighted-mean' }, decimals: 1 };
    const { data } = await server.gql(PREVIEW, { c: campaignId, p: JSON.stringify(mean) }, admin);
    const expected = scoreTally(
      Tally.fromRows(tallyRowsOf(ballots), { scale: SEED_RATING_SCALE }),
      parsePolicy(mean),
    ).standings;
    expect(data.previewStandings.strategyCode).toBe('weighted-mean');
    expect(data.previewStandings.standings).toEqual(
      expected.map((s) => ({ unitCode: s.unit, score: s.score, rank: s.rank })),
    );
    const bad = await server.gql(
      PREVIEW,
      {
        c: campaignId,
        p: JSON.stringify({ ...mean, strategy: { code: 'satisfaction-rate', args: { levels: ['great'] } } }),
      },
      admin,
    );
    expect(bad.data.previewStandings).toMatchObject({
      __typename: 'InvalidPolicyError',
      path: expect.stringMatching(/^policyJson\.strategy\.args\.levels/),
    });
    const misfit = await server.gql(
      PREVIEW,
      { c: campaignId, p: JSON.stringify({ ...mean, scale: SEED_RATING_SCALE.slice(0, 3) }) },
      admin,
    );
    expect(misfit.data.previewStandings).toMatchObject({ __typename: 'InvalidPolicyError', path: 'policyJson.scale' });
    expect(misfit.data.previewStandings.message).toMatch(/does not fit the stored ratings/);
    // the stored policy is untouched
    expect(
      (await server.gql('query($c: ID!) { campaign(id: $c) { strategyCode } }', { c: campaignId }, admin)).data.campaign
        .strategyCode,
    ).toBe('group-weighted-mean');
  });

  it("counts participation per evaluator group and lists opinions (a liaison sees its unit's)", async () => {
    const { data } = await server.gql(
      'query($c: ID!) { participation(campaignId: $c) { ballots quota groups { code ballots online paper quota rate } } }',
      { c: campaignId },
      await server.loginAs(Role.leader),
    );
    expect(data.participation).toMatchObject({ ballots: 55, quota: GROUPS.reduce((s, g) => s + g.quota, 0) });
    expect(data.participation.groups[0]).toEqual({
      code: 'residents',
      ballots: 40,
      online: 40,
      paper: 0,
      quota: 300,
      rate: 13.33,
    });
    await storeOpinions(server, bureauId, campaignId, [
      { unitCode: 'traffic-police', evaluatorGroupCode: 'residents', text: '高峰拥堵', receivedOn: today() },
      { unitCode: 'legal-affairs', evaluatorGroupCode: 'residents', text: '复议太慢', receivedOn: today() },
    ]);
    const liaison = await server.loginAs(Role.liaison, 'legal-affairs');
    const seen = await server.gql(
      'query($c: ID!) { opinions(campaignId: $c) { totalItems items { id unitCode text status } } }',
      { c: campaignId },
      liaison,
    );
    expect(seen.data.opinions.items).toEqual([
      { id: expect.any(String), unitCode: 'legal-affairs', text: '复议太慢', status: 'pending' },
    ]);
    const review = await server.gql(
      'mutation($i: ID!) { reviewOpinion(id: $i, status: verified) { __typename ... on Opinion { status } } }',
      { i: seen.data.opinions.items[0].id },
      admin,
    );
    expect(review.data.reviewOpinion).toEqual({ __typename: 'Opinion', status: 'verified' });
  });

  describe('publishing and comparison', () => {
    let previousId: string;

    beforeAll(async () => {
      // the previous round ran two years: its rectification phase reaches past today, so it can still be published
      const start = addDays(today(), -800);
      const phases = [
        { code: 'mobilization', label: '动员部署', start, end: addDays(start, 19) },
        { code: 'implementation', label: '组织实施', start: addDays(start, 20), end: addDays(start, 39) },
        { code: 'appraisal', label: '接受评议', start: addDays(start, 40), end: addDays(start, 59) },
        { code: 'rectification', label: '整改提高', start: addDays(start, 60), end: addDays(today(), 10) },
      ];
      previousId = await createCampaign(server, admin, 'appraisal', {
        year: Number(start.slice(0, 4)),
        phases,
        name: '上一轮评议',
      });
      await storeBallots(server, bureauId, previousId, ballotSet(1));
      const published = await server.gql(PUBLISH, { c: previousId }, admin);
      expect(published.data.publishResults.__typename).toBe('ResultSnapshot');
    });

    it("compares with the previous campaign's published results (live while this one is unpublished)", async () => {
      const COMPARE = `query($c: ID!) { compareWithPrevious(campaignId: $c) {
        currentSource previousCampaignId note units { unitCode rank previousRank rankChange score previousScore scoreChange } } }`;
      const { data } = await server.gql(COMPARE, { c: campaignId }, await server.loginAs(Role.leader));
      expect(data.compareWithPrevious).toMatchObject({
        currentSource: 'live',
        previousCampaignId: previousId,
        note: null,
      });
      const now = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings.standings;
      const before = (
        await server.gql(
          'query($c: ID!) { publishedResults(campaignId: $c) { standings { unitCode rank score } } }',
          { c: previousId },
          admin,
        )
      ).data.publishedResults[0].standings;
      for (const unit of data.compareWithPrevious.units) {
        const a = now.find((s: { unitCode: string }) => s.unitCode === unit.unitCode);
        const b = before.find((s: { unitCode: string }) => s.unitCode === unit.unitCode);
        expect(unit).toEqual({
          unitCode: unit.unitCode,
          rank: a.rank,
          previousRank: b.rank,
          rankChange: b.rank - a.rank,
          score: a.score,
          previousScore: b.score,
          scoreChange: Math.round((a.score - b.score) * 100) / 100,
        });
      }
      expect(data.compareWithPrevious.units.some((u: { rankChange: number }) => u.rankChange !== 0)).toBe(true);
      const first = await server.gql(COMPARE, { c: previousId }, admin);
      expect(first.data.compareWithPrevious).toMatchObject({
        previousCampaignId: null,
        note: 'your bureau has no earlier campaign',
      });
    });

    it('publishes only from the rectification phase on, naming the window', async () => {
      const { data } = await server.gql(PUBLISH, { c: campaignId }, admin);
      expect(data.publishResults).toMatchObject({ __typename: 'PhaseClosedError', errorCode: 'PHASE_CLOSED' });
      expect(data.publishResults.message).toMatch(
        /publishStandings \(公布评议结果\) is closed on .*allowed only in 整改提高 rectification \d{4}-\d{2}-\d{2} to/,
      );
    });

    it('freezes a snapshot that later ballots and policy edits do not change', async () => {
      await moveTo(server, admin, campaignId, 'rectification');
      const published = (await server.gql(PUBLISH, { c: campaignId }, await server.loginAs(Role.office))).data
        .publishResults;
      expect(published).toMatchObject({
        __typename: 'ResultSnapshot',
        ratingCount: ballots.length * 3,
        strategyCode: 'group-weighted-mean',
      });
      const live = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings.standings;
      expect(published.standings).toEqual(
        live.map((s: { unitCode: string; score: number; rank: number }) => ({
          unitCode: s.unitCode,
          score: s.score,
          rank: s.rank,
        })),
      );

      await storeBallots(
        server,
        bureauId,
        campaignId,
        ballotsOf(30, 'residents', {
          'legal-affairs': 'satisfied',
          'public-order': 'dissatisfied',
          'traffic-police': 'dissatisfied',
        }),
      );
      const otherPolicy = { ...POLICY, strategy: { code: 'weighted-mean', args: {} }, decimals: 1 };
      expect(
        (
          await server.gql(
            'mutation($c: ID!, $p: String!) { updateCampaign(id: $c, input: { policyJson: $p, reason: "改用加权平均" }) { __typename } }',
            { c: campaignId, p: JSON.stringify(otherPolicy) },
            admin,
          )
        ).data.updateCampaign.__typename,
      ).toBe('Campaign');

      const after = (
        await server.gql(
          'query($c: ID!) { publishedResults(campaignId: $c) { id ratingCount policyJson standings { unitCode score rank } } }',
          { c: campaignId },
          await server.loginAs(Role.liaison, 'legal-affairs'),
        )
      ).data.publishedResults;
      expect(after).toHaveLength(1);
      expect(after[0]).toEqual({
        id: published.id,
        ratingCount: published.ratingCount,
        policyJson: published.policyJson,
        standings: published.standings,
      });
      const changed = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings;
      expect(changed.ratingCount).toBe(published.ratingCount + 90);
      expect(changed.strategyCode).toBe('weighted-mean');
      expect(changed.standings.map((s: { score: number }) => s.score)).not.toEqual(
        published.standings.map((s: { score: number }) => s.score),
      );

      const compared = await server.gql(
        'query($c: ID!) { compareWithPrevious(campaignId: $c) { currentSource } }',
        { c: campaignId },
        admin,
      );
      expect(compared.data.compareWithPrevious.currentSource).toBe('published');
    });

    it("keeps the scale's used levels: a policy dropping one is refused (IN_USE)", async () => {
      const shrunk = { ...POLICY, scale: SEED_RATING_SCALE.filter((level) => level.code !== 'dissatisfied') };
      const { data } = await server.gql(
        'mutation($c: ID!, $p: String!) { updateCampaign(id: $c, input: { policyJson: $p, reason: "去掉不满意档次" }) { __typename ... on ErrorResult { errorCode path message } } }',
        { c: campaignId, p: JSON.stringify(shrunk) },
        admin,
      );
      expect(data.updateCampaign).toMatchObject({ __typename: 'InUseError', path: 'input.policyJson.scale' });
      expect(data.updateCampaign.message).toMatch(/stored ratings use the level\(s\) dissatisfied/);
    });
  });
}
