import { RECTIFICATION_STATE_LABELS, type RectificationState } from '@pingyi/domain';

/** The languages the ledger is written in: Chinese (as the office submits it) or English. */
export const LEDGER_LANGUAGES = ['zh', 'en'] as const;
export type LedgerLanguage = (typeof LEDGER_LANGUAGES)[number];

/** The columns of the ledger, in order. */
export const LEDGER_KEYS = [
  'id',
  'parentId',
  'unitName',
  'unitCode',
  'title',
  'description',
  'source',
  'state',
  'owner',
  'openedOn',
  'deadline',
  'closedOn',
  'overdue',
  'supervised',
  'supervisingLeader',
  'plan',
  'publicResponse',
  'progress',
  'rebounds',
] as const;
export type LedgerKey = (typeof LEDGER_KEYS)[number];

/** Every word the ledger prints, per language. */
export interface LedgerText {
  readonly headers: Readonly<Record<LedgerKey, string>>;
  readonly yes: string;
  readonly no: string;
  readonly states: Readonly<Record<RectificationState, string>>;
  readonly sources: Readonly<Record<string, string>>;
  readonly sheet: string;
  readonly ratesSheet: string;
  /** The rates sheet's headings: unit, accepted, counted, dismissed, rate. */
  readonly rates: readonly [string, string, string, string, string];
  readonly total: string;
  readonly fileName: string;
}

export const LEDGER_TEXT: Readonly<Record<LedgerLanguage, LedgerText>> = {
  zh: {
    headers: {
      id: '编号',
      parentId: '上级项目',
      unitName: '责任单位',
      unitCode: '单位代码',
      title: '整改项目',
      description: '问题描述',
      source: '问题来源',
      state: '状态',
      owner: '责任人',
      openedOn: '立项日期',
      deadline: '整改期限',
      closedOn: '验收日期',
      overdue: '是否超期',
      supervised: '挂牌督办',
      supervisingLeader: '督办领导',
      plan: '整改措施',
      publicResponse: '回应情况',
      progress: '进度(%)',
      rebounds: '反弹次数',
    },
    yes: '是',
    no: '否',
    states: RECTIFICATION_STATE_LABELS,
    sources: { opinion: '群众意见', cityFeedback: '市评议办反馈', inspectionFinding: '明查暗访', gapCheck: '查漏补缺' },
    sheet: '整改台账',
    ratesSheet: '整改率',
    rates: ['责任单位', '已验收', '应整改', '不予立项', '整改率'],
    total: '合计',
    fileName: '整改台账',
  },
  en: {
    headers: {
      id: 'No.',
      parentId: 'Parent item',
      unitName: 'Responsible unit',
      unitCode: 'Unit code',
      title: 'Item',
      description: 'Problem',
      source: 'Source',
      state: 'State',
      owner: 'Owner',
      openedOn: 'Opened on',
      deadline: 'Deadline',
      closedOn: 'Accepted on',
      overdue: 'Overdue',
      supervised: 'Under supervision',
      supervisingLeader: 'Supervising leader',
      plan: 'Plan',
      publicResponse: 'Public response',
      progress: 'Progress (%)',
      rebounds: 'Rebounds',
    },
    yes: 'yes',
    no: 'no',
    states: {
      identified: 'Identified',
      verified: 'Verified',
      planned: 'Plan submitted',
      inProgress: 'In progress',
      rectified: 'Reported fixed',
      accepted: 'Accepted',
      dismissed: 'Dismissed',
    },
    sources: {
      opinion: 'Public opinion',
      cityFeedback: 'City office feedback',
      inspectionFinding: 'Inspection',
      gapCheck: 'Gap check',
    },
    sheet: 'Rectification ledger',
    ratesSheet: 'Rectification rate',
    rates: ['Responsible unit', 'Accepted', 'Counted', 'Dismissed', 'Rate'],
    total: 'Total',
    fileName: 'rectification-ledger',
  },
};
