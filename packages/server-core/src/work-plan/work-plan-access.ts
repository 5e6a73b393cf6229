import { type WorkItem as DomainWorkItem, refusal } from '@pingyi/domain';
import { type SelectQueryBuilder } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { unitScopeOf } from '../common/scoping';
import { type WorkItem } from './work-item.entity';
import { type WorkItemUpdate } from './work-item-update.entity';

/** Roles that read every work item; a liaison reads and reports on the items their unit leads. */
export const WORK_PLAN_BUREAU_WIDE = [Role.admin, Role.office, Role.leader, Role.inspector] as const;
/** Roles that report progress on any item. */
export const REPORTERS_BUREAU_WIDE = [Role.admin, Role.office] as const;

/** Lead unit codes of a loaded item, in the order printed. */
export const leadCodesOf = (item: WorkItem): string[] => item.leadUnits.map((unit) => unit.code);

/** Restricts a work-item query (alias `item`) to items led by `unitCode`, through the lead-unit links. */
export function whereLedBy<T extends object>(
  query: SelectQueryBuilder<T>,
  unitCode: string,
  parameter: string,
): SelectQueryBuilder<T> {
  return query.andWhere(
    `EXISTS (SELECT 1 FROM work_item_lead_unit ${parameter}_link INNER JOIN unit ${parameter}_unit ON ${parameter}_unit.id = ${parameter}_link.unit_id ` +
      `WHERE ${parameter}_link.work_item_id = item.id AND ${parameter}_unit.code = :${parameter})`,
    { [parameter]: unitCode },
  );
}

/**
 * Refuses a liaison an item their unit does not lead (reads and writes);
 * returns the liaison's unit, or null for bureau-wide roles.
 */
export function assertLeadsItem(
  ctx: RequestContext,
  item: WorkItem,
  bureauWide: readonly Role[],
  path: string,
): string | null {
  const scope = unitScopeOf(ctx, bureauWide);
  if (scope !== null && !leadCodesOf(item).includes(scope)) {
    throw refusal('FORBIDDEN', 'unitNotLead', { unit: scope, item: `${item.theme.code} (${item.number})` }, path);
  }
  return scope;
}

/** The domain's view of a stored item and its updates (oldest first). */
export function toDomainWorkItem(item: WorkItem, updates: readonly WorkItemUpdate[] = []): DomainWorkItem {
  return {
    themeCode: item.theme.code,
    number: item.number,
    ...(item.title ? { title: item.title } : {}),
    text: item.text,
    leadUnitCodes: leadCodesOf(item),
    progress: item.progress,
    updates: updates.map((update) => ({
      date: update.date,
      progress: update.progress,
      ...(update.note ? { note: update.note } : {}),
      ...(update.unitCode ? { unitCode: update.unitCode } : {}),
    })),
    ...(item.elided ? { elided: true } : {}),
    ...(item.sourceGaps.length > 0 ? { sourceGaps: item.sourceGaps } : {}),
  };
}
