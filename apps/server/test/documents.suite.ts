import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageText } from '@pingyi/domain';
import { Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type JsonObject } from './support/ballot-fixtures';
import { readDocx, readPdf } from './support/documents';

const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { policyJson ratingCount standings { unitCode unitName valid score rank tier tierLabel rates { level label value } } } }`;
const PUBLISHED = `query($c: ID!) { publishedResults(campaignId: $c) { id ratingCount standings { unitCode unitName valid score rank tierLabel rates { level value } responseRate } } }`;
const PUBLISHED_GROUPS = `query($c: ID!) { publishedResults(campaignId: $c) { groupResponses { groupLabel quota ballots } } }`;
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { errorCode message } } }`;
const PARTICIPATION = `query($c: ID!) { participation(campaignId: $c) { quota ballots groups { code label quota ballots } } }`;
const COMPARE = `query($c: ID!) { compareWithPrevious(campaignId: $c) { previousYear note units { unitCode unitName score previousScore scoreChange rank previousRank rankChange } } }`;
const OPINIONS = `query($c: ID!, $f: OpinionListFilter) { opinions(campaignId: $c, filter: $f, options: { take: 100 }) { items { id unitCode status } } }`;
const MERGE = `mutation($input: MergeOpinionsInput!) { mergeOpinions(input: $input) { __typename ... on OpinionProblemDetail { problem { id opinionCount } opinionIds } ... on ErrorResult { errorCode message } } }`;
const OPEN_ITEM = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id state } ... on ErrorResult { errorCode message path } } }`;
const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) { fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on ErrorResult { errorCode message } } }`;
const CREATE_POLICY = `mutation($input: CreatePolicyActionInput!) { createPolicyAction(input: $input) { __typename ... on PolicyAction { id } ... on ErrorResult { errorCode message path } } }`;
const ADOPT_POLICY = `mutation($id: ID!) { adoptPolicyAction(id: $id) { __typename ... on ErrorResult { errorCode message path } } }`;
const RECORD_INSPECTION = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { __typename ... on ErrorResult { errorCode message path } } }`;
const ISSUE_NOTICE = `mutation($input: IssueCriticismNoticeInput!) { issueCriticismNotice(input: $input) { __typename ... on ErrorResult { errorCode message path } } }`;
const RATE = `query($c: ID!) { rectificationRate(campaignId: $c) { overall { closed total dismissed rate } byUnit { unitCode closed total dismissed rate } } }`;
const SET_CONTACTS = `mutation($c: ID!, $g: String!, $list: [GroupContactInput!]!) { setEvaluatorGroupContacts(campaignId: $c, groupCode: $g, contacts: $list) {
  __typename ... on GroupContacts { groupCode contacts { id name organization phone email } } ... on ErrorResult { errorCode message path } } }`;
const CONTACTS = `query($c: ID!) { evaluatorGroupContacts(campaignId: $c) { evaluatorGroupCode name phone email } }`;
const REMIND = `mutation($c: ID!, $g: String!) { sendGroupReminder(campaignId: $c, groupCode: $g) {
  __typename ... on GroupReminder { id evaluatorGroupCode groupLabel ballots quota sentOn sentBy contactCount } ... on ErrorResult { errorCode message path } } }`;
const INBOX = `{ inbox { notifications { items { subjectType subjectId reason message } } } }`;
const AUDIT = `{ auditLog(options: { take: 20 }) { items { operation success args } } }`;

const OUT = join(__dirname, '..', 'reports', 'documents');
const percent = (ratio: number) => `${(Math.round(ratio * 10_000) / 100).toFixed(2)}%`;

/** The office's documents on the demo campaign, read back and compared with GraphQL; on one database. */
export function documentsSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let decimals: number;

  // every document downloaded is kept in reports/documents/ (git-ignored) for a person to open
  const download = async (path: string, token: string): Promise<Response> => {
    const response = await server.fetch(path, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) {
      const body = Buffer.from(await response.clone().arrayBuffer());
      const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      if (name) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `${database}-${decodeURIComponent(name)}`), body);
      }
    }
    return response;
  };

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_DEMO: '1' } });
    office = await server.loginAs(Role.office);
    campaignId = (
      await server.gqlOk<{ campaigns: { items: JsonObject[] } }>('{ campaigns { items { id year } } }', {}, office)
    ).campaigns.items[0]?.id;
    decimals = JSON.parse(
      (await server.gqlOk<{ standings: JsonObject }>(STANDINGS, { c: campaignId }, office)).standings.policyJson,
    ).decimals;
  }, 120_000);
  afterAll(() => server?.close());

  it('refuses the results notice of an unpublished campaign, in both languages', async () => {
    const response = await download(`/documents/${campaignId}/results-notice`, office);
    expect(response.status).toBe(400);
    const body = (await response.json()) as JsonObject;
    expect(body).toMatchObject({ errorCode: 'NOT_PUBLISHED', messageKey: 'resultsNotPublished', path: 'campaignId' });
    expect(messageText(body.messageKey, body.params, 'zh')).toMatch(/尚未公布.*测评结果通报/);
    expect(body.message).toMatch(/no published results/);
    const format = await download(`/documents/${campaignId}/results-notice?format=odt`, office);
    expect(await format.json()).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      messageKey: 'documentFormat',
      path: 'format',
    });
  });

  it('issues the results notice whose tables are the published standings, participation and comparison', async () => {
    expect(
      (await server.gqlOk<{ publishResults: JsonObject }>(PUBLISH, { c: campaignId }, office)).publishResults
        .__typename,
    ).toBe('ResultSnapshot');
    const live = (await server.gqlOk<{ standings: JsonObject }>(STANDINGS, { c: campaignId }, office)).standings;
    const published = (await server.gqlOk<{ publishedResults: JsonObject[] }>(PUBLISHED, { c: campaignId }, office))
      .publishedResults[0];
    const participation = (await server.gqlOk<{ participation: JsonObject }>(PARTICIPATION, { c: campaignId }, office))
      .participation;
    const comparison = (await server.gqlOk<{ compareWithPrevious: JsonObject }>(COMPARE, { c: campaignId }, office))
      .compareWithPrevious;
    expect(comparison.note).toBeNull();

    const response = await download(`/documents/${campaignId}/results-notice`, office);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment;.*filename\*=UTF-8''.*%E9%80%9A%E6%8A%A5\.docx/,
    );
    const docx = await readDocx(await response.arrayBuffer());
    expect(docx.paragraphs[0]).toBe('市公安局民主评议办公室');
    expect(docx.paragraphs).toContain(`关于${comparison.previousYear + 1}年度民主评议机关测评结果的通报`);
    expect(docx.paragraphs.some((p) => /^一、测评基本情况$/.test(p))).toBe(true);

    const [groups, ranked, change] = docx.tables;
    // table 1: the groups and their valid ballots, as `participation` counts them
    expect(groups?.slice(1, -1)).toEqual(
      participation.groups.map((g: JsonObject) => [
        g.label,
        String(g.quota),
        String(g.ballots),
        percent(g.ballots / g.quota),
      ]),
    );
    // ...which are the ballots the published snapshot froze (the notice reads them there)
    const frozen = (await server.gqlOk<{ publishedResults: JsonObject[] }>(PUBLISHED_GROUPS, { c: campaignId }, office))
      .publishedResults[0];
    expect(frozen?.groupResponses).toEqual(
      participation.groups.map((g: JsonObject) => ({ groupLabel: g.label, quota: g.quota, ballots: g.ballots })),
    );
    expect(groups?.at(-1)).toEqual([
      '合计',
      String(participation.quota),
      String(participation.ballots),
      percent(participation.ballots / participation.quota),
    ]);
    // table 2: every figure equals the standings (live and published are one computation)
    const { responseRate: _rates, ...firstPublished } = published?.standings[0] ?? {};
    expect([
      firstPublished,
      ...(published?.standings.slice(1).map(({ responseRate: _r, ...s }: JsonObject) => s) ?? []),
    ]).toEqual(
      live.standings.map(({ tier: _tier, ...s }: JsonObject) => ({
        ...s,
        rates: s.rates.map(({ level, value }: JsonObject) => ({ level, value })),
      })),
    );
    const levels = live.standings[0].rates.map((r: JsonObject) => r.label);
    // the response rate next to every score (issue 14), as the published results froze it
    expect(ranked?.[0]).toEqual([
      '名次',
      '单位',
      '得分',
      '等次',
      ...levels.map((l: string) => `${l}率(%)`),
      '回收率(%)',
    ]);
    expect(ranked?.slice(1)).toEqual(
      live.standings.map((s: JsonObject, i: number) => [
        String(s.rank),
        s.unitName,
        s.score.toFixed(decimals),
        s.tierLabel,
        ...s.rates.map((r: JsonObject) => r.value.toFixed(decimals)),
        (published?.standings[i].responseRate as number).toFixed(2),
      ]),
    );
    // table 3: the change from last year, as `compareWithPrevious` computes it
    const sign = (n: number | null, places: number) =>
      n === null ? '—' : n === 0 ? (0).toFixed(places) : `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(places)}`;
    expect(change?.slice(1)).toEqual(
      comparison.units.map((u: JsonObject) => [
        u.unitName,
        u.score === null ? '—' : u.score.toFixed(decimals),
        u.previousScore === null ? '—' : u.previousScore.toFixed(decimals),
        sign(u.scoreChange, decimals),
        u.rank === null ? '—' : String(u.rank),
        u.previousRank === null ? '—' : String(u.previousRank),
        u.rankChange === null
          ? '—'
          : u.rankChange === 0
            ? '0'
            : u.rankChange > 0
              ? `+${u.rankChange}`
              : `−${-u.rankChange}`,
      ]),
    );
    // the bottom tier (the policy's last tier) is named
    const bottom = live.standings.filter((s: JsonObject) => s.tier === JSON.parse(live.policyJson).tiers.at(-1).code);
    const section = docx.paragraphs.find((p) => p.startsWith('本次测评'));
    expect(section).toBeDefined();
    for (const unit of bottom) expect(docx.text).toContain(`${unit.unitName}（${unit.tierLabel}）`);

    // the PDF of the same content carries the same figures, its font embedded
    const pdfResponse = await download(`/documents/${campaignId}/results-notice?format=pdf`, office);
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(await pdfResponse.arrayBuffer());
    const text = pdf.pages.join('').replace(/\s+/g, '');
    expect(text).toContain('关于');
    expect(text).toContain('测评结果的通报');
    for (const s of live.standings)
      expect(text).toContain(`${s.rank}${s.unitName}${s.score.toFixed(decimals)}${s.tierLabel}`);
  });

  it('writes the feedback letter of one unit: its merged problems, opinion counts and deadline; a liaison gets only their own', async () => {
    const opinions = (
      await server.gqlOk<{ opinions: { items: JsonObject[] } }>(
        OPINIONS,
        { c: campaignId, f: { unitCode: 'traffic-police' } },
        office,
      )
    ).opinions.items;
    const free = opinions.filter((o) => o.status === 'pending' || o.status === 'verified');
    expect(free.length).toBeGreaterThanOrEqual(5);
    const first = (
      await server.gqlOk<{ mergeOpinions: JsonObject }>(
        MERGE,
        {
          input: {
            opinionIds: free.slice(0, 3).map((o) => o.id),
            title: '窗口排队时间长',
            description: '群众反映办证窗口排队超过一小时',
          },
        },
        office,
      )
    ).mergeOpinions;
    const second = (
      await server.gqlOk<{ mergeOpinions: JsonObject }>(
        MERGE,
        { input: { opinionIds: free.slice(3, 5).map((o) => o.id), title: '执法态度生硬' } },
        office,
      )
    ).mergeOpinions;
    expect([first.problem.opinionCount, second.problem.opinionCount]).toEqual([3, 2]);

    const liaison = await server.loginAs(Role.liaison, 'traffic-police');
    const response = await download(
      `/documents/${campaignId}/feedback-letter/traffic-police?deadline=2099-01-31`,
      liaison,
    );
    expect(response.status).toBe(200);
    const letter = await readDocx(await response.arrayBuffer());
    expect(letter.paragraphs).toContain('交警支队：');
    expect(letter.tables[0]?.slice(1)).toEqual([
      ['1', '窗口排队时间长', '群众反映办证窗口排队超过一小时', '3'],
      ['2', '执法态度生硬', '—', '2'],
      ['', '合计', '', '5'],
    ]);
    expect(letter.text).toContain('请于2099年1月31日前将办理情况书面反馈评议办公室');
    const unmerged = free.length - 5;
    if (unmerged > 0) expect(letter.text).toContain(`另有${unmerged}条意见尚在审阅`);
    const pdf = await readPdf(
      await (
        await download(
          `/documents/${campaignId}/feedback-letter/traffic-police?format=pdf&deadline=2099-01-31`,
          liaison,
        )
      ).arrayBuffer(),
    );
    expect(pdf.pages.join('')).toContain('窗口排队时间长');

    // another unit's letter: refused for the liaison, given to the office and leader
    const other = await download(`/documents/${campaignId}/feedback-letter/legal-affairs`, liaison);
    expect(other.status).toBe(403);
    expect(((await other.json()) as JsonObject).errorCode).toBe('FORBIDDEN');
    expect(
      (await download(`/documents/${campaignId}/feedback-letter/legal-affairs`, await server.loginAs(Role.leader)))
        .status,
    ).toBe(200);
    expect(
      (await download(`/documents/${campaignId}/feedback-letter/traffic-police`, await server.loginAs(Role.inspector)))
        .status,
    ).toBe(403);
    // bad arguments name the field
    expect(
      await (await download(`/documents/${campaignId}/feedback-letter/no-such-unit`, office)).json(),
    ).toMatchObject({ errorCode: 'UNKNOWN_UNIT', path: 'unitCode' });
    expect(
      await (
        await download(`/documents/${campaignId}/feedback-letter/traffic-police?deadline=2000-01-01`, office)
      ).json(),
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'deadline', messageKey: 'letterDeadlineBeforeToday' });
    expect(
      await (
        await download(`/documents/${campaignId}/feedback-letter/traffic-police?deadline=31.1.2099`, office)
      ).json(),
    ).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'deadline' });
    // the results notice and the report are not a liaison's
    expect((await download(`/documents/${campaignId}/results-notice`, liaison)).status).toBe(403);
    expect((await download(`/documents/${campaignId}/rectification-report`, liaison)).status).toBe(403);
  });

  it("reports rectification with the console's rates, items by state, supervision, rules adopted, inspections and notices", async () => {
    const opened: string[] = [];
    for (const [unitCode, title] of [
      ['traffic-police', '窗口排队时间长'],
      ['traffic-police', '执法态度生硬'],
      ['legal-affairs', '执法程序不透明'],
    ]) {
      const item = (
        await server.gqlOk<{ openRectificationItem: JsonObject }>(
          OPEN_ITEM,
          { input: { campaignId, unitCode, title, sources: [{ type: 'gapCheck' }], deadline: '2099-01-31' } },
          office,
        )
      ).openRectificationItem;
      expect(item.state).toBe('identified');
      opened.push(item.id);
    }
    const leader = await server.loginAs(Role.leader);
    await server.gqlOk(
      FIRE,
      { id: opened[0], e: 'placeUnderSupervision', p: { supervisingLeader: '王惠敏', reportingIntervalDays: 7 } },
      leader,
    );
    const action = (
      await server.gqlOk<{ createPolicyAction: JsonObject }>(
        CREATE_POLICY,
        {
          input: {
            campaignId,
            kind: 'revise',
            title: '窗口服务首问责任制',
            text: '第一条……',
            unitCode: 'traffic-police',
            itemIds: [opened[0]],
          },
        },
        office,
      )
    ).createPolicyAction;
    await server.gqlOk(ADOPT_POLICY, { id: action.id }, office);
    await server.gqlOk(
      CREATE_POLICY,
      { input: { campaignId, kind: 'add', title: '尚在起草的制度', text: '……' } },
      office,
    );
    const inspector = await server.loginAs(Role.inspector);
    // inspections are dated in the campaign's time zone: the day the server calls today
    const today = (
      await server.gqlOk<{ rectificationDashboard: JsonObject }>(
        'query($c: ID!) { rectificationDashboard(campaignId: $c) { today } }',
        { c: campaignId },
        office,
      )
    ).rectificationDashboard.today;
    const finding = { focusArea: 'serviceAttitude', text: '答复群众不耐烦。' };
    await server.gqlOk(
      RECORD_INSPECTION,
      {
        input: {
          campaignId,
          kind: 'covert',
          date: today,
          unitCode: 'legal-affairs',
          focusAreas: ['serviceAttitude'],
          summary: '暗访执法窗口。',
          findings: [finding],
        },
      },
      inspector,
    );
    await server.gqlOk(
      ISSUE_NOTICE,
      { input: { campaignId, unitCode: 'legal-affairs', title: '关于执法窗口服务态度问题的通报', text: '……' } },
      inspector,
    );

    const rate = (await server.gqlOk<{ rectificationRate: JsonObject }>(RATE, { c: campaignId }, office))
      .rectificationRate;
    const response = await download(`/documents/${campaignId}/rectification-report`, leader);
    expect(response.status).toBe(200);
    const report = await readDocx(await response.arrayBuffer());
    const [states, rates, supervised, policies, inspections, notices] = report.tables;
    expect(states?.find((row) => row[0] === '已立项')?.[1]).toBe('3');
    expect(states?.at(-1)).toEqual(['合计', '3']);
    const names: Record<string, string> = { 'traffic-police': '交警支队', 'legal-affairs': '法制处' };
    expect(rates?.slice(1, -1)).toEqual(
      rate.byUnit.map((u: JsonObject) => [
        names[u.unitCode],
        String(u.closed),
        String(u.total),
        String(u.dismissed),
        u.rate === null ? '—' : percent(u.rate),
      ]),
    );
    expect(rates?.at(-1)).toEqual([
      '合计',
      String(rate.overall.closed),
      String(rate.overall.total),
      String(rate.overall.dismissed),
      percent(rate.overall.rate),
    ]);
    expect(supervised?.slice(1)).toEqual([['窗口排队时间长', '交警支队', '王惠敏', '已立项', '2099-01-31']]);
    // adopted rules only: the draft is not reported
    expect(policies?.slice(1).map((row) => row.slice(0, 3))).toEqual([['窗口服务首问责任制', '修订', '交警支队']]);
    expect(inspections?.slice(1).map((row) => [row[1], row[2], row[3], row[4]])).toEqual([
      ['暗访', '法制处', '1', '暗访执法窗口。'],
    ]);
    expect(notices?.slice(1).map((row) => row.slice(1))).toEqual([['法制处', '关于执法窗口服务态度问题的通报']]);
    expect(report.text).toContain('本期没有开展回头看的项目。');
    const pdf = await readPdf(
      await (await download(`/documents/${campaignId}/rectification-report?format=pdf`, office)).arrayBuffer(),
    );
    expect(pdf.pages.join('')).toContain('各单位整改率');
  });

  it("keeps contacts per group, sends a reminder with the group's count only, to the inbox, the audit log and a notice", async () => {
    expect(
      (await server.gql(REMIND, { c: campaignId, g: 'peoplesCongressDeputies' }, office)).data.sendGroupReminder,
    ).toMatchObject({ errorCode: 'NO_CONTACTS', path: 'groupCode' });
    const bad = (
      await server.gql(
        SET_CONTACTS,
        { c: campaignId, g: 'peoplesCongressDeputies', list: [{ name: '王科长', email: 'not-an-address' }] },
        office,
      )
    ).data.setEvaluatorGroupContacts;
    expect(bad).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'contacts[0].email' });
    const tooMany = (
      await server.gql(
        SET_CONTACTS,
        {
          c: campaignId,
          g: 'peoplesCongressDeputies',
          list: Array.from({ length: 21 }, (_, i) => ({ name: `联系人${i}` })),
        },
        office,
      )
    ).data.setEvaluatorGroupContacts;
    expect(tooMany).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'contacts' });
    expect(
      (await server.gql(SET_CONTACTS, { c: campaignId, g: 'nobody', list: [] }, office)).data.setEvaluatorGroupContacts,
    ).toMatchObject({ errorCode: 'UNKNOWN_GROUP', path: 'groupCode' });
    const saved = (
      await server.gqlOk<{ setEvaluatorGroupContacts: JsonObject }>(
        SET_CONTACTS,
        {
          c: campaignId,
          g: 'peoplesCongressDeputies',
          list: [
            {
              name: '王科长',
              organization: '市人大常委会代表联络处',
              phone: '0591-1234 5678',
              email: 'liaison@example.org',
            },
          ],
        },
        office,
      )
    ).setEvaluatorGroupContacts;
    expect(saved.contacts).toEqual([
      expect.objectContaining({ name: '王科长', organization: '市人大常委会代表联络处', phone: '0591-1234 5678' }),
    ]);
    const leader = await server.loginAs(Role.leader);
    expect(
      (await server.gqlOk<{ evaluatorGroupContacts: JsonObject[] }>(CONTACTS, { c: campaignId }, leader))
        .evaluatorGroupContacts,
    ).toHaveLength(1);
    expect(
      (await server.gql(REMIND, { c: campaignId, g: 'peoplesCongressDeputies' }, leader)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const group = (
      await server.gqlOk<{ participation: JsonObject }>(PARTICIPATION, { c: campaignId }, office)
    ).participation.groups.find((g: JsonObject) => g.code === 'peoplesCongressDeputies');
    const reminder = (
      await server.gqlOk<{ sendGroupReminder: JsonObject }>(
        REMIND,
        { c: campaignId, g: 'peoplesCongressDeputies' },
        office,
      )
    ).sendGroupReminder;
    expect(reminder).toMatchObject({
      evaluatorGroupCode: 'peoplesCongressDeputies',
      groupLabel: group.label,
      ballots: group.ballots,
      quota: group.quota,
      contactCount: 1,
    });
    const inbox = (await server.gqlOk<{ inbox: JsonObject }>(INBOX, {}, office)).inbox.notifications.items;
    const entry = inbox.find((e: JsonObject) => e.subjectType === 'groupReminder' && e.subjectId === reminder.id);
    expect(entry?.message).toBe(
      `催办：${group.label}已收回评议表 ${group.ballots} 份，应发放 ${group.quota} 份（回收率 ${percent(group.ballots / group.quota)}），已通知联系人 1 位。`,
    );
    const audit = (await server.gqlOk<{ auditLog: JsonObject }>(AUDIT, {}, await server.adminToken())).auditLog.items;
    expect(audit.find((a: JsonObject) => a.operation === 'sendGroupReminder')).toMatchObject({ success: true });

    const notice = await readDocx(await (await download(`/documents/reminders/${reminder.id}`, office)).arrayBuffer());
    expect(
      (
        await readPdf(await (await download(`/documents/reminders/${reminder.id}?format=pdf`, office)).arrayBuffer())
      ).pages.join(''),
    ).toContain(group.label);
    expect(notice.paragraphs).toContain('市人大常委会代表联络处：');
    expect(notice.tables[0]).toEqual([
      ['评议对象类别', '应发放（份）', '已收回（份）', '回收率'],
      [group.label, String(group.quota), String(group.ballots), percent(group.ballots / group.quota)],
    ]);
    // nothing finer than the group's count: no unit and no other group is named
    expect(notice.text).not.toMatch(/交警支队|法制处/);
    expect(
      (await download(`/documents/reminders/${reminder.id}`, await server.loginAs(Role.liaison, 'traffic-police')))
        .status,
    ).toBe(403);
    expect((await download(`/documents/reminders/999999`, office)).status).toBe(404);
  });

  it("hides another bureau's documents", async () => {
    const other = await server.createBureau('other-bureau');
    expect((await download(`/documents/${campaignId}/results-notice`, other.adminToken)).status).toBe(404);
    expect((await download(`/documents/${campaignId}/rectification-report`, other.adminToken)).status).toBe(404);
  });
}
