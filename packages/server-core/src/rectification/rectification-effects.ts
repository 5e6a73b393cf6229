import { addDays, type LocalDate, type RectificationEffect, rectificationEventLabel } from '@pingyi/domain';
import { type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { type InboxNotice, notify } from '../inbox/inbox-notifier';
import { RectificationHistoryEntry } from './rectification-history.entity';
import { type RectificationItem } from './rectification-item.entity';

/** The item an effect is about, as it is after the transition. */
export interface EffectSubject {
  readonly id: number;
  readonly campaignId: number;
  readonly unitCode: string;
  readonly title: string;
}

/** History rows and inbox entries of one or more transitions, written together. */
export interface EffectRows {
  readonly history: QueryDeepPartialEntity<RectificationHistoryEntry>[];
  readonly inbox: InboxNotice[];
}

/** What a notification of an item says, e.g. `提交整改方案：整改项目 #12「窗口服务态度」（交警支队）` (the unit's name is added). */
export function notificationSentence(reason: string, subject: EffectSubject): InboxNotice['sentence'] {
  return {
    key: 'notifyRectificationItem',
    params: {
      event: rectificationEventLabel(reason, 'en'),
      eventZh: rectificationEventLabel(reason, 'zh'),
      itemId: subject.id,
      title: subject.title,
    },
  };
}

/**
 * Turns the `history` and `notify` effects into rows (history entries, inbox
 * entries). `subject.id` replaces the effects' item id, which is a
 * placeholder when the item is being opened.
 */
export function effectRows(
  ctx: RequestContext,
  subject: EffectSubject,
  effects: readonly RectificationEffect[],
): EffectRows {
  const user = ctx.userOrThrow;
  const history: EffectRows['history'][number][] = [];
  const inbox: InboxNotice[] = [];
  for (const effect of effects) {
    if (effect.type === 'history') {
      history.push({
        bureauId: user.bureauId,
        itemId: subject.id,
        event: effect.event,
        fromState: effect.from,
        toState: effect.to,
        role: effect.role,
        actedByUserId: user.id > 0 ? user.id : null,
        actedBy: user.username,
        actedByUnitCode: effect.actorUnitCode,
        actedAt: effect.at,
        actedOn: effect.date,
        details: { ...effect.details } as QueryDeepPartialEntity<Record<string, unknown>>,
      });
    } else if (effect.type === 'notify') {
      inbox.push({
        bureauId: user.bureauId,
        campaignId: subject.campaignId,
        target: effect.to,
        unitCode: subject.unitCode,
        audienceUnitCode: effect.unitCode ?? null,
        person: effect.person ?? null,
        subjectType: 'rectificationItem',
        subjectId: subject.id,
        reason: effect.reason,
        sentence: notificationSentence(effect.reason, subject),
      });
    }
  }
  return { history, inbox };
}

/** The schedule columns: when the next look-back and the next supervision report are due. */
export type ScheduleChanges = Pick<RectificationItem, 'lookBackDue' | 'supervisionReportDue'>;

/**
 * Carries out the scheduling effects on the item's columns: `scheduleLookBack`
 * sets the look-back date, `scheduleSupervisionReports` the first report date,
 * `cancelSupervisionReports` clears it. A progress or fixed report on a
 * supervised item moves the next report `reportingIntervalDays` on, and a
 * look-back done (confirmed or rebound) clears the look-back date.
 */
export function scheduleChanges(
  before: ScheduleChanges,
  event: string,
  effects: readonly RectificationEffect[],
  today: LocalDate,
  supervisedEveryDays: number | null,
): ScheduleChanges {
  let { lookBackDue, supervisionReportDue } = before;
  if (event === 'lookBackConfirmed' || event === 'lookBackRebound') lookBackDue = null;
  if (
    (event === 'reportProgress' || event === 'reportFixed') &&
    supervisedEveryDays !== null &&
    supervisionReportDue !== null
  ) {
    supervisionReportDue = addDays(today, supervisedEveryDays);
  }
  for (const effect of effects) {
    if (effect.type === 'scheduleLookBack') lookBackDue = effect.due;
    else if (effect.type === 'scheduleSupervisionReports') supervisionReportDue = effect.firstDue;
    else if (effect.type === 'cancelSupervisionReports') supervisionReportDue = null;
  }
  return { lookBackDue, supervisionReportDue };
}

const CHUNK = 200;

/** Inserts effect rows: history in chunks (one statement per chunk), notifications through the inbox. */
export async function insertEffectRows(manager: EntityManager, rows: EffectRows): Promise<void> {
  for (let i = 0; i < rows.history.length; i += CHUNK) {
    await manager.insert(RectificationHistoryEntry, rows.history.slice(i, i + CHUNK));
  }
  await notify(manager, rows.inbox);
}
