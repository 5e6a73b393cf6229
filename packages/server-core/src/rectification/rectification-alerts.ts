import {
  isDueSoon,
  isOverdue,
  type LocalDate,
  type RectificationItem as DomainItem,
  transitionFor,
} from '@pingyi/domain';
import { Role } from '../common/roles';
import { type InboxAlertKind } from './dto/rectification-alerts.dto';

/** The alert kinds each role acts on (a user with several roles gets the union). */
export const ALERT_KINDS_BY_ROLE: Readonly<Record<Role, readonly InboxAlertKind[]>> = {
  [Role.admin]: ['overdue', 'dueSoon', 'supervised', 'lookBackDue', 'supervisionReportDue'],
  [Role.office]: ['overdue', 'dueSoon', 'supervised', 'lookBackDue', 'supervisionReportDue'],
  [Role.liaison]: ['overdue', 'dueSoon', 'supervised', 'supervisionReportDue'],
  [Role.inspector]: ['overdue', 'supervised', 'lookBackDue', 'supervisionReportDue'],
  [Role.leader]: ['overdue', 'supervised', 'supervisionReportDue'],
};

/** Alert kinds for a set of roles, in a stable order. */
export function alertKindsOf(roles: readonly Role[]): InboxAlertKind[] {
  const kinds = new Set(roles.flatMap((role) => ALERT_KINDS_BY_ROLE[role] ?? []));
  return (['overdue', 'dueSoon', 'supervised', 'lookBackDue', 'supervisionReportDue'] as const).filter((kind) =>
    kinds.has(kind),
  );
}

const LOOK_BACK_STATES = transitionFor('lookBackConfirmed')?.from ?? [];

/**
 * The kinds an item shows under today, among `wanted`: overdue and due soon
 * by the domain's `isOverdue`/`isDueSoon`; look-backs and supervision
 * reports when their date has come.
 */
export function alertKindsFor(
  item: DomainItem & { readonly lookBackDue: LocalDate | null; readonly supervisionReportDue: LocalDate | null },
  now: Date,
  timeZone: string,
  today: LocalDate,
  wanted: readonly InboxAlertKind[],
): InboxAlertKind[] {
  const has: Record<InboxAlertKind, boolean> = {
    overdue: isOverdue(item, now, timeZone),
    dueSoon: isDueSoon(item, now, timeZone, 3),
    supervised: item.supervision !== null,
    lookBackDue: LOOK_BACK_STATES.includes(item.state) && item.lookBackDue !== null && item.lookBackDue <= today,
    supervisionReportDue:
      item.supervision !== null && item.supervisionReportDue !== null && item.supervisionReportDue <= today,
  };
  return wanted.filter((kind) => has[kind]);
}
