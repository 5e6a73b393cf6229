import { type EntityManager } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { InboxEntry, type InboxSubject } from '../inbox/inbox-entry.entity';

/** What a supervision record tells its unit and the office. */
export interface SupervisionNotice {
  readonly campaignId: number;
  readonly unitCode: string;
  readonly subjectType: InboxSubject;
  readonly subjectId: number;
  readonly reason: string;
  readonly message: string;
}

/** Puts a notification in the inbox of the unit's liaisons and of the office. */
export async function notifyUnitAndOffice(manager: EntityManager, ctx: RequestContext, notice: SupervisionNotice): Promise<void> {
  const message = [...notice.message].length > 500 ? `${[...notice.message].slice(0, 499).join('')}…` : notice.message;
  const base = { bureauId: ctx.bureauId, campaignId: notice.campaignId, person: null, subjectType: notice.subjectType, subjectId: notice.subjectId, reason: notice.reason, message };
  await manager.insert(InboxEntry, [
    { ...base, target: 'unit', unitCode: notice.unitCode },
    { ...base, target: 'office', unitCode: null },
  ]);
}
