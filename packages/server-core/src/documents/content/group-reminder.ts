import { chineseDate, type OfficialDocument, paragraph, percent } from './document-model';

export interface GroupReminderInput {
  readonly issuer: string;
  readonly campaignName: string;
  readonly groupLabel: string;
  /** Who it is addressed to: the group's contacts (name and office). */
  readonly contacts: readonly { readonly name: string; readonly organization: string | null }[];
  /** The group's count and quota when the reminder was sent: nothing finer. */
  readonly ballots: number;
  readonly quota: number;
  /** Local dates (YYYY-MM-DD). */
  readonly sentOn: string;
  readonly appraisalEnds: string | null;
}

/** 催办通知: a group's current count against its quota, to the group's contacts. Never anything finer than the group's count. */
export function groupReminderNotice(input: GroupReminderInput): OfficialDocument {
  const remaining = Math.max(0, input.quota - input.ballots);
  const addressees = [...new Set(input.contacts.map((contact) => contact.organization ?? contact.name))];
  return {
    fileName: `民主评议评议表回收催办通知（${input.groupLabel}）`,
    issuer: input.issuer,
    title: `关于抓紧反馈${input.groupLabel}评议表的通知`,
    addressee: `${addressees.length > 0 ? addressees.join('、') : input.groupLabel}：`,
    opening: [
      `${input.campaignName}正在进行。为保证测评结果真实可信，请协助督促${input.groupLabel}按时填写并反馈评议表。`,
    ],
    sections: [
      {
        heading: '回收情况',
        blocks: [
          paragraph(
            `截至${chineseDate(input.sentOn)}，${input.groupLabel}应发放评议表${input.quota}份，已收回${input.ballots}份，回收率${percent(input.quota === 0 ? null : input.ballots / input.quota)}，尚有${remaining}份未收回。`,
          ),
          {
            type: 'table',
            columns: ['评议对象类别', '应发放（份）', '已收回（份）', '回收率'],
            align: ['left', 'right', 'right', 'right'],
            widths: [3, 1.5, 1.5, 1.2],
            rows: [
              [
                input.groupLabel,
                String(input.quota),
                String(input.ballots),
                percent(input.quota === 0 ? null : input.ballots / input.quota),
              ],
            ],
          },
        ],
      },
      {
        heading: '有关要求',
        blocks: [
          paragraph(
            `评议实行无记名方式，评议办公室不掌握、也不询问任何人的评议情况，请以类别为单位统一提醒。${input.appraisalEnds && input.appraisalEnds >= input.sentOn ? `评议表请于${chineseDate(input.appraisalEnds)}前反馈。` : '请尽快反馈。'}`,
          ),
        ],
      },
    ],
    date: chineseDate(input.sentOn),
  };
}
