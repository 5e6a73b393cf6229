import { describe, expect, it } from 'vitest';
import { type DocTable } from './document-model';
import { feedbackLetter } from './feedback-letter';
import { groupReminderNotice } from './group-reminder';
import { rectificationReport, type RectificationReportInput } from './rectification-report';

const tablesOf = (doc: ReturnType<typeof rectificationReport>): DocTable[] =>
  doc.sections.flatMap((section) => section.blocks).filter((block): block is DocTable => block.type === 'table');

const EMPTY: RectificationReportInput = {
  issuer: '某局民主评议办公室',
  campaignName: '2026年度民主评议',
  year: 2026,
  today: '2026-12-01',
  byState: [{ label: '已立项', count: 0 }],
  overall: { closed: 0, total: 0, dismissed: 0, rate: null },
  byUnit: [],
  supervised: [],
  lookBacks: [],
  policyActions: [],
  inspections: [],
  notices: [],
};

describe('the rectification report content', () => {
  it('says so when a section has nothing, and numbers the tables it has in order', () => {
    const doc = rectificationReport(EMPTY);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '总体情况',
      '各单位整改率',
      '挂牌督办',
      '回头看',
      '建章立制',
      '明查暗访和通报批评',
    ]);
    expect(tablesOf(doc).map((t) => t.caption)).toEqual(['表1  整改项目状态']);
    expect(doc.sections[0]?.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringContaining('整改率—') });
    const full = rectificationReport({
      ...EMPTY,
      byState: [
        { label: '已立项', count: 1 },
        { label: '已验收', count: 3 },
      ],
      overall: { closed: 3, total: 4, dismissed: 0, rate: 0.75 },
      byUnit: [{ unitName: '交警支队', closed: 3, total: 4, dismissed: 0, rate: 0.75 }],
      lookBacks: [{ title: '窗口排队', unitName: '交警支队', lookBacks: 2, rebounds: 1, state: '已验收' }],
      notices: [{ issuedOn: '2026-11-30', unitName: '法制处', title: '通报' }],
    });
    expect(tablesOf(full).map((t) => t.caption)).toEqual([
      '表1  整改项目状态',
      '表2  各单位整改率',
      '表3  回头看结果',
      '表4  通报批评',
    ]);
    expect(tablesOf(full)[1]?.totalRow).toEqual(['合计', '3', '4', '0', '75.00%']);
    expect(tablesOf(full)[2]?.rows).toEqual([['窗口排队', '交警支队', '2', '1', '已验收']]);
    expect(full.sections[3]?.blocks[0]).toEqual({
      type: 'paragraph',
      text: '对1项已验收项目开展回头看，发现反弹1次，已重新整改。',
    });
  });
});

describe('the feedback letter and the reminder notice', () => {
  it('counts the merged opinions and names the deadline', () => {
    const letter = feedbackLetter({
      issuer: '办',
      campaignName: '评议',
      year: 2026,
      unitName: '交警支队',
      problems: [{ title: '排队', description: null, opinionCount: 3 }],
      unmergedOpinions: 2,
      deadline: '2027-01-15',
      issuedOn: '2026-12-01',
    });
    expect(letter.addressee).toBe('交警支队：');
    expect(letter.opening[0]).toContain('将3条意见归并为1个问题');
    expect(JSON.stringify(letter.sections)).toContain('请于2027年1月15日前');
    expect(JSON.stringify(letter.sections)).toContain('另有2条意见尚在审阅');
  });

  it("gives the group's count against its quota and nothing finer", () => {
    const notice = groupReminderNotice({
      issuer: '办',
      campaignName: '评议',
      groupLabel: '人大代表',
      contacts: [{ name: '王科长', organization: '人大代表联络处' }],
      ballots: 120,
      quota: 500,
      sentOn: '2026-11-01',
      appraisalEnds: '2026-11-15',
    });
    expect(notice.addressee).toBe('人大代表联络处：');
    const table = notice.sections[0]?.blocks.find((b): b is DocTable => b.type === 'table');
    expect(table?.rows).toEqual([['人大代表', '500', '120', '24.00%']]);
    expect(JSON.stringify(notice)).toContain('尚有380份未收回');
    expect(JSON.stringify(notice)).toContain('2026年11月15日前反馈');
    expect(
      JSON.stringify(
        groupReminderNotice({
          issuer: '办',
          campaignName: '评议',
          groupLabel: '人大代表',
          contacts: [],
          ballots: 1,
          quota: 2,
          sentOn: '2026-11-20',
          appraisalEnds: '2026-11-15',
        }),
      ),
    ).toContain('请尽快反馈');
  });
});
