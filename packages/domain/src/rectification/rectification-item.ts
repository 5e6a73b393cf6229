import { type LocalDate } from '../calendar/local-date.js';

/**
 * The lifecycle of a rectification item (整改项目):
 * identified → verified → planned → inProgress → rectified → accepted, with
 * `dismissed` as the end for a report that is not a real problem. A failed
 * look-back (反弹) sends an accepted item back to inProgress.
 */
export const RECTIFICATION_STATES = [
  'identified',
  'verified',
  'planned',
  'inProgress',
  'rectified',
  'accepted',
  'dismissed',
] as const;

/** A state of a rectification item. */
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** Chinese labels of the states. */
export const RECTIFICATION_STATE_LABELS: Readonly<Record<RectificationState, string>> = {
  identified: '已立项',
  verified: '已核实',
  planned: '已制定方案',
  inProgress: '整改中',
  rectified: '已整改待验收',
  accepted: '已验收',
  dismissed: '不予立项',
};

/**
 * Who acts: `admin` (system administrator, may do what the office does),
 * `office` (评议办公室), `liaison` (a unit's contact, acts only on that unit's
 * items), `inspector` (纪检督察), `leader` (局领导: read-only except listed supervision).
 */
export const ROLES = ['admin', 'office', 'liaison', 'inspector', 'leader'] as const;

/** A role in the campaign. */
export type Role = (typeof ROLES)[number];

/** Chinese labels of the roles. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '系统管理员',
  office: '评议办公室',
  liaison: '单位联络员',
  inspector: '纪检督察',
  leader: '局领导',
};

/** 挂牌督办: a flag on a serious item, with the supervising leader and how often the unit reports. */
export interface ListedSupervision {
  readonly supervisingLeader: string;
  /** The unit reports progress at least every this many days. */
  readonly reportingIntervalDays: number;
  /** Local date the item was placed under supervision. */
  readonly since: LocalDate;
}

/** 整改项目: one problem to fix, with its responsible unit, owner and deadline (限时定人). */
export interface RectificationItem {
  readonly id: string;
  /** The responsible unit. */
  readonly unitCode: string;
  readonly title: string;
  readonly description: string;
  /** Where the problem came from (an opinion, an inspection, the city office …), free text. */
  readonly source: string | null;
  readonly state: RectificationState;
  readonly plan: string | null;
  /** The person answerable for the fix (定人). */
  readonly owner: string | null;
  /** Last local day to fix it (限时); overdue from the day after. */
  readonly deadline: LocalDate | null;
  /** References to evidence (file ids, links), oldest first. */
  readonly evidence: readonly string[];
  /** 回应: the public answer given when the fix is reported. */
  readonly publicResponse: string | null;
  readonly supervision: ListedSupervision | null;
  /** Reported percent 0–100 while in progress; null before any report. */
  readonly progress: number | null;
  /** Failed look-backs (反弹). */
  readonly rebounds: number;
  /** Confirmed look-backs. */
  readonly lookBacks: number;
  /** A sub-item's parent; its progress rolls up into the parent. */
  readonly parentId: string | null;
  /** Weight among its siblings in the roll-up; null counts as 1. */
  readonly weight: number | null;
  readonly openedOn: LocalDate;
  /** Local date of acceptance; null unless accepted. */
  readonly closedOn: LocalDate | null;
}

/** States after which an item is never overdue: the unit's part is done (or it was dismissed). */
export const SETTLED_STATES: readonly RectificationState[] = ['rectified', 'accepted', 'dismissed'];

/** States that count as closed in the rectification rate (整改率). */
export const CLOSED_STATES: readonly RectificationState[] = ['accepted'];
