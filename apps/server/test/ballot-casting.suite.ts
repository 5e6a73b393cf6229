import { generateAccessCode, MAX_CODE_GUESSES, Role } from '@pingyi/server-core';
import {
  createCampaign,
  createTestServer,
  moveCampaignTo,
  type TestDatabase,
  type TestServer,
  today,
} from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BALLOT_FORM, cast, CAST, dayOf, issueCodes, mixBox, rowsOf } from './support/ballot-fixtures';

const ALL_SATISFIED = [
  { unit: 'traffic-police', level: 'satisfied' },
  { unit: 'public-order', level: 'fairlySatisfied' },
  { unit: 'legal-affairs', level: 'unknown' },
];

/** Casting ballots online with access codes (CONTRACTS.md §4), on one database. */
export function ballotCastingSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let codes: string[];
  let next = 0;
  const code = (): string => codes[next++] as string;

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    codes = (await issueCodes(server, office, campaignId, 'residents', 120)).codes;
  });
  afterAll(() => server?.close());

  // the counted rows, once the ballot box is mixed
  const count = async (table: string, where = '1 = 1'): Promise<number> => {
    await mixBox(server);
    return Number((await rowsOf<{ n: number }>(server, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0]?.n);
  };

  it('shows the sheet of a code without a sign-in: campaign, group, units and scale, nothing else', async () => {
    const { data, errors } = await server.gql(BALLOT_FORM, { code: codes[0] });
    expect(errors).toBeUndefined();
    expect(data.ballotForm).toEqual({
      __typename: 'BallotForm',
      campaignName: '2025年度民主评议机关',
      groupLabel: '城乡居民',
      units: [
        { code: 'traffic-police', name: '交警支队' },
        { code: 'public-order', name: '治安支队' },
        { code: 'legal-affairs', name: '法制处' },
      ],
      levels: [
        { code: 'satisfied', label: '满意' },
        { code: 'fairlySatisfied', label: '比较满意' },
        { code: 'basicallySatisfied', label: '基本满意' },
        { code: 'notVerySatisfied', label: '不太满意' },
        { code: 'dissatisfied', label: '不满意' },
        { code: 'unknown', label: '不了解' },
      ],
      opinionMaxLength: 2000,
      closesOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('casts a ballot: redeemed code, ballot, ratings and opinions stored apart, a receipt', async () => {
    const typed = code().toLowerCase().replace(/-/g, ' ');
    const receipt = await cast(server, {
      code: typed,
      ratings: ALL_SATISFIED.slice(0, 2),
      opinions: [{ unit: 'legal-affairs', text: '  办事窗口排队时间太长，希望增加窗口。  ' }],
    });
    expect(receipt).toEqual({
      __typename: 'BallotReceipt',
      receiptNumber: expect.stringMatching(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/),
      castOn: today(),
      campaignName: '2025年度民主评议机关',
      rated: 2,
      abstained: 1,
      opinions: 1,
    });
    expect(await rowsOf(server, 'SELECT * FROM ballot')).toEqual([]); // in the box until a batch is mixed
    await mixBox(server);
    const [ballot] = await rowsOf<Record<string, unknown>>(server, 'SELECT * FROM ballot');
    expect(ballot).toMatchObject({ channel: 'online', evaluator_group_code: 'residents', paper_batch_id: null });
    expect(dayOf(ballot?.cast_on)).toBe(today());
    expect(ballot?.id).toMatch(/^[0-9a-f-]{36}$/);
    const ratings = await rowsOf<{ unit_code: string; level_code: string }>(
      server,
      'SELECT unit_code, level_code FROM rating ORDER BY unit_code',
    );
    expect(ratings).toEqual([
      { unit_code: 'public-order', level_code: 'fairlySatisfied' },
      { unit_code: 'traffic-police', level_code: 'satisfied' },
    ]);
    const [opinion] = await rowsOf<Record<string, unknown>>(server, 'SELECT * FROM opinion');
    expect(opinion).toMatchObject({
      unit_code: 'legal-affairs',
      evaluator_group_code: 'residents',
      text: '办事窗口排队时间太长，希望增加窗口。',
      status: 'pending',
    });
    expect(opinion?.id).not.toBe(ballot?.id);
    const used = await rowsOf<{ used_on: unknown }>(server, "SELECT used_on FROM access_code WHERE state = 'used'");
    expect(used.map((row) => dayOf(row.used_on))).toEqual([today()]);
    // the same code again, in another spelling
    const again = await cast(server, { code: typed.toUpperCase(), ratings: ALL_SATISFIED });
    expect(again).toMatchObject({
      __typename: 'CodeAlreadyUsedError',
      errorCode: 'CODE_ALREADY_USED',
      path: 'input.code',
    });
    expect((await server.gql(BALLOT_FORM, { code: typed })).data.ballotForm.errorCode).toBe('CODE_ALREADY_USED');
  });

  it('casts exactly one ballot when 50 requests race with one code', async () => {
    const before = await count('ballot');
    const shared = code();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cast(server, { code: shared, ratings: ALL_SATISFIED }, `10.50.0.${i + 1}`)),
    );
    const kinds = results.map((result) => result.__typename);
    expect(kinds.filter((kind) => kind === 'BallotReceipt')).toHaveLength(1);
    expect(results.filter((result) => result.errorCode === 'CODE_ALREADY_USED')).toHaveLength(49);
    expect(await count('ballot')).toBe(before + 1);
  });

  it('casts many codes at once without losing or doubling a ballot', async () => {
    const before = await count('ballot');
    const batch = Array.from({ length: 30 }, () => code());
    const results = await Promise.all(
      batch.flatMap((c, i) => [
        cast(server, { code: c, ratings: ALL_SATISFIED }, `10.60.0.${i}`),
        cast(server, { code: c, ratings: ALL_SATISFIED }, `10.61.0.${i}`),
      ]),
    );
    expect(results.filter((r) => r.__typename === 'BallotReceipt')).toHaveLength(30);
    expect(await count('ballot')).toBe(before + 30);
    expect(await count('rating')).toBe((before + 30) * 3 - 1);
  });

  it.each([
    [
      'an unknown unit',
      [{ unit: 'no-such-unit', level: 'satisfied' }],
      'UNKNOWN_UNIT',
      'UnknownUnitError',
      'input.ratings[0].unit',
    ],
    [
      'a unit that is not appraised',
      [{ unit: 'logistics', level: 'satisfied' }],
      'UNKNOWN_UNIT',
      'UnknownUnitError',
      'input.ratings[0].unit',
    ],
    [
      'an unknown level',
      [{ unit: 'traffic-police', level: '非常满意' }],
      'UNKNOWN_LEVEL',
      'UnknownLevelError',
      'input.ratings[0].level',
    ],
    [
      'a unit rated twice',
      [
        { unit: 'traffic-police', level: 'satisfied' },
        { unit: 'traffic-police', level: 'dissatisfied' },
      ],
      'DUPLICATE_UNIT',
      'DuplicateUnitError',
      'input.ratings[1].unit',
    ],
    ['no rating and no opinion', [], 'EMPTY_BALLOT', 'EmptyBallotError', 'input.ballot'],
  ])('refuses %s and leaves the code unused', async (_name, ratings, errorCode, typename, path) => {
    const mine = code();
    const refused = await cast(server, { code: mine, ratings });
    expect(refused).toMatchObject({ __typename: typename, errorCode, path });
    expect((await cast(server, { code: mine, ratings: ALL_SATISFIED })).__typename).toBe('BallotReceipt');
  });

  it('refuses opinions over the limit, empty, twice on a unit, or on an unknown unit', async () => {
    const mine = code();
    const cases: [{ unit: string; text: string }[], string, string][] = [
      [[{ unit: 'traffic-police', text: '长'.repeat(2001) }], 'INVALID_OPINION', 'input.opinions[0].text'],
      [[{ unit: 'traffic-police', text: '   ' }], 'INVALID_OPINION', 'input.opinions[0].text'],
      [
        [
          { unit: 'traffic-police', text: '一' },
          { unit: 'traffic-police', text: '二' },
        ],
        'DUPLICATE_UNIT',
        'input.opinions[1].unit',
      ],
      [[{ unit: 'nowhere', text: '意见' }], 'UNKNOWN_UNIT', 'input.opinions[0].unit'],
    ];
    for (const [opinions, errorCode, path] of cases)
      expect(await cast(server, { code: mine, ratings: ALL_SATISFIED, opinions })).toMatchObject({ errorCode, path });
    expect(
      (await cast(server, { code: mine, opinions: [{ unit: 'traffic-police', text: '长'.repeat(2000) }] })).__typename,
    ).toBe('BallotReceipt');
  });

  it('tells a mistyped, unknown or malformed code apart without storing anything', async () => {
    const real = code();
    const typo = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
    expect((await cast(server, { code: typo, ratings: ALL_SATISFIED })).message).toMatch(/typo/);
    expect((await cast(server, { code: 'ABCD', ratings: ALL_SATISFIED })).message).toMatch(/14 letters and digits/);
    expect((await cast(server, { code: 'O0O0-1111-IIII-00', ratings: ALL_SATISFIED })).message).toMatch(
      /never appears/,
    );
    const before = await count('ballot');
    expect(await cast(server, { code: real, ratings: ALL_SATISFIED })).toMatchObject({ __typename: 'BallotReceipt' });
    expect(await count('ballot')).toBe(before + 1);
  });

  it('throttles guessing per address with its own counter; real codes do not count', async () => {
    // a well-formed code (its check symbol right) that was never issued
    const wellFormed = async (ip: string): Promise<string> =>
      (await server.gql(BALLOT_FORM, { code: generateAccessCode() }, undefined, { 'x-forwarded-for': ip })).data
        .ballotForm.errorCode as string;
    for (let i = 0; i < MAX_CODE_GUESSES; i += 1) expect(await wellFormed('10.70.0.1')).toBe('INVALID_CODE');
    // real codes from the same address in between did not use up the allowance
    const blocked = (await server.gql(BALLOT_FORM, { code: codes[110] }, undefined, { 'x-forwarded-for': '10.70.0.1' }))
      .data.ballotForm;
    expect(blocked).toMatchObject({ __typename: 'TooManyAttemptsError', errorCode: 'TOO_MANY_ATTEMPTS' });
    expect(blocked.message).toMatch(/15 minutes/);
    expect(await cast(server, { code: codes[111] as string, ratings: ALL_SATISFIED }, '10.70.0.1')).toMatchObject({
      errorCode: 'TOO_MANY_ATTEMPTS',
    });
    // another address is not blocked, and the sign-in throttle is another counter
    expect(await cast(server, { code: codes[111] as string, ratings: ALL_SATISFIED }, '10.70.0.2')).toMatchObject({
      __typename: 'BallotReceipt',
    });
    expect(await server.adminToken()).toBeTruthy();
    for (let i = 0; i < 20; i += 1)
      expect(
        (await server.gql(BALLOT_FORM, { code: codes[112] }, undefined, { 'x-forwarded-for': '10.70.0.3' })).data
          .ballotForm.__typename,
      ).toBe('BallotForm');
  });

  it('refuses several ballots packed in one request, casting none', async () => {
    const [a, b] = [code(), code()];
    const packed = await server.gql(
      `mutation($a: CastBallotInput!, $b: CastBallotInput!) {
        one: castBallot(input: $a) { __typename ... on ErrorResult { errorCode message } }
        two: castBallot(input: $b) { __typename ... on ErrorResult { errorCode message } }
      }`,
      { a: { code: a, ratings: ALL_SATISFIED }, b: { code: b, ratings: ALL_SATISFIED } },
    );
    expect(packed.data.one).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/only once in a request; this one has it 2 times/),
    });
    expect(packed.data.two.errorCode).toBe('INVALID_ARGUMENT');
    const forms = await server.gql(
      `query($a: String!, $b: String!) { x: ballotForm(code: $a) { __typename } y: ballotForm(code: $b) { __typename } }`,
      { a, b },
    );
    expect(forms.data).toEqual({
      x: { __typename: 'InvalidArgumentError' },
      y: { __typename: 'InvalidArgumentError' },
    });
    expect((await cast(server, { code: a, ratings: ALL_SATISFIED })).__typename).toBe('BallotReceipt');
  });

  it('keeps neither the code nor the ratings in the audit log, and no row per successful ballot: a count per day and group', async () => {
    const entries = await rowsOf<{
      args: string;
      ip: string | null;
      request_id: string | null;
      success: boolean | number;
      called_at: string | Date;
    }>(server, "SELECT args, ip, request_id, success, called_at FROM audit_entry WHERE operation = 'castBallot'");
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) expect(entry.args).toBe('{}');
    expect(entries.filter((entry) => Boolean(entry.success))).toEqual([]);
    // failures keep the address (guessing is traced)
    expect(entries.every((entry) => entry.ip !== null)).toBe(true);
    // counted by the ballot box's mixer, batch by batch
    const ballots = await count('ballot');
    const { data } = await server.gql(
      '{ auditDailyCounts(operation: "castBallot") { operation day groupCode count } }',
      {},
      office,
    );
    expect(data.auditDailyCounts).toEqual([
      { operation: 'castBallot', day: today(), groupCode: 'residents', count: ballots },
    ]);
  });

  it('accepts ballots only inside the appraisal window', async () => {
    const mine = code();
    // no wait: a change made through this server drops its cached copy of the campaign's rules
    await moveCampaignTo(server, office, campaignId, 'rectification');
    const closed = await cast(server, { code: mine, ratings: ALL_SATISFIED });
    expect(closed).toMatchObject({ __typename: 'PhaseClosedError', errorCode: 'PHASE_CLOSED' });
    expect(closed.message).toMatch(/castBallot/);
    expect((await server.gql(BALLOT_FORM, { code: mine })).data.ballotForm.errorCode).toBe('PHASE_CLOSED');
    await moveCampaignTo(server, office, campaignId, 'appraisal');
    expect((await cast(server, { code: mine, ratings: ALL_SATISFIED })).__typename).toBe('BallotReceipt');
  });

  it('refuses ballots for an archived campaign (PHASE_CLOSED naming it), and takes them again once it is unarchived', async () => {
    const mine = code();
    const admin = await server.adminToken();
    const archive = (name: string) =>
      server.gql(
        `mutation($id: ID!) { ${name}(id: $id) { __typename ... on ErrorResult { errorCode message } } }`,
        { id: campaignId },
        admin,
      );
    expect((await archive('archiveCampaign')).data.archiveCampaign.__typename).toBe('Campaign');
    const closed = await cast(server, { code: mine, ratings: ALL_SATISFIED });
    expect(closed).toMatchObject({ __typename: 'PhaseClosedError', errorCode: 'PHASE_CLOSED' });
    expect(closed.message).toMatch(/archived/);
    expect((await server.gql(BALLOT_FORM, { code: mine })).data.ballotForm.errorCode).toBe('PHASE_CLOSED');
    expect((await archive('unarchiveCampaign')).data.unarchiveCampaign.__typename).toBe('Campaign');
    expect((await cast(server, { code: mine, ratings: ALL_SATISFIED })).__typename).toBe('BallotReceipt');
  });

  it('answers a malformed request with GraphQL errors, not a ballot', async () => {
    const missing = await server.gql(CAST, { input: { ratings: ALL_SATISFIED } });
    expect(missing.errors?.[0]?.message).toMatch(/code/);
    const huge = await server.gql(CAST, {
      input: {
        code: code(),
        ratings: ALL_SATISFIED,
        opinions: [{ unit: 'traffic-police', text: 'x'.repeat(6_000_000) }],
      },
    });
    expect(huge.status).toBe(413);
  });
}
