import { type EntityManager } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { type InboxNotice, notify } from '../inbox/inbox-notifier';

/** What a supervision record tells its unit and the office. */
export interface SupervisionNotice {
  readonly campaignId: number;
  readonly unitCode: string;
  readonly subjectType: InboxNotice['subjectType'];
  readonly subjectId: number;
  readonly reason: string;
  /** What it says (the unit's name is added). */
  readonly sentence: InboxNotice['sentence'];
}

/** Puts a notification in the inbox of the unit's liaisons and of the office. */
export function notifyUnitAndOffice(
  manager: EntityManager,
  ctx: RequestContext,
  notice: SupervisionNotice,
): Promise<void> {
  const base = { ...notice, bureauId: ctx.bureauId };
  return notify(manager, [
    { ...base, target: 'unit' },
    { ...base, target: 'office' },
  ]);
}
