import { type RectificationItem as DomainItem } from '@pingyi/domain';
import { type RectificationItem } from './rectification-item.entity';

/** The domain's view of a stored item (what the transition function reads). */
export function toDomainItem(row: RectificationItem): DomainItem {
  return {
    id: String(row.id),
    unitCode: row.unitCode,
    title: row.title,
    description: row.description,
    source: row.source,
    state: row.state,
    plan: row.plan,
    owner: row.owner,
    deadline: row.deadline,
    evidence: row.evidence ?? [],
    publicResponse: row.publicResponse,
    supervision:
      row.supervised && row.supervisingLeader !== null
        ? {
            supervisingLeader: row.supervisingLeader,
            reportingIntervalDays: row.reportingIntervalDays ?? 0,
            since: row.supervisedSince ?? row.openedOn,
          }
        : null,
    progress: row.progress,
    rebounds: row.rebounds,
    lookBacks: row.lookBacks,
    parentId: row.parentId === null ? null : String(row.parentId),
    weight: row.weight,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
  };
}

/** The columns a transition may change, from the domain's next item. */
export type ItemChanges = Pick<
  RectificationItem,
  | 'state'
  | 'plan'
  | 'owner'
  | 'deadline'
  | 'evidence'
  | 'publicResponse'
  | 'progress'
  | 'rebounds'
  | 'lookBacks'
  | 'closedOn'
  | 'supervised'
  | 'supervisingLeader'
  | 'reportingIntervalDays'
  | 'supervisedSince'
>;

export function changesFrom(next: DomainItem): ItemChanges {
  return {
    state: next.state,
    plan: next.plan,
    owner: next.owner,
    deadline: next.deadline,
    evidence: [...next.evidence],
    publicResponse: next.publicResponse,
    progress: next.progress,
    rebounds: next.rebounds,
    lookBacks: next.lookBacks,
    closedOn: next.closedOn,
    supervised: next.supervision !== null,
    supervisingLeader: next.supervision?.supervisingLeader ?? null,
    reportingIntervalDays: next.supervision?.reportingIntervalDays ?? null,
    supervisedSince: next.supervision?.since ?? null,
  };
}
