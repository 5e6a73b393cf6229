/** The inbox's records and pure helpers. */

export type InboxSubject =
  'rectificationItem' | 'criticismNotice' | 'inspection' | 'accountabilityRecord' | 'groupReminder';
export type InboxAlertKind = 'overdue' | 'dueSoon' | 'supervised' | 'lookBackDue' | 'supervisionReportDue';

export interface InboxNotification {
  readonly id: string;
  readonly campaignId: string | null;
  readonly subjectType: InboxSubject;
  readonly subjectId: string;
  readonly reason: string;
  /** The sentence in Chinese (entries written before sentences were kept have only this). */
  readonly message: string;
  readonly messageKey: string | null;
  readonly messageParamsJson: string | null;
  readonly createdAt: string;
  readonly read: boolean;
}

export interface InboxCampaignAlerts {
  readonly campaignId: string;
  readonly campaignName: string;
  readonly today: string;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly supervised: number;
  readonly lookBacksDue: number;
  readonly supervisionReportsDue: number;
  readonly items: readonly {
    readonly kinds: readonly InboxAlertKind[];
    readonly item: {
      readonly id: string;
      readonly title: string;
      readonly unitCode: string;
      readonly state: string;
      readonly deadline: string | null;
    };
  }[];
}

export interface InboxData {
  readonly inbox: {
    readonly unread: number;
    readonly notifications: { readonly totalItems: number; readonly items: readonly InboxNotification[] };
    readonly alerts: readonly InboxCampaignAlerts[];
  };
}

/** The console route of what a notification is about. */
export function subjectRoute(subjectType: string, subjectId: string): string {
  switch (subjectType) {
    case 'rectificationItem':
      return `/rectificationItems/${subjectId}/show`;
    case 'criticismNotice':
      return `/criticismNotices/${subjectId}/show`;
    case 'inspection':
      return `/inspections/${subjectId}/show`;
    case 'groupReminder':
      return '/ballots';
    default:
      return '/accountabilityRecords';
  }
}

/** The alert counts worth showing (non-zero), in a fixed order, with their message keys. */
export function alertCounts(alerts: InboxCampaignAlerts): { readonly kind: InboxAlertKind; readonly count: number }[] {
  const counts: [InboxAlertKind, number][] = [
    ['overdue', alerts.overdue],
    ['dueSoon', alerts.dueSoon],
    ['supervised', alerts.supervised],
    ['lookBackDue', alerts.lookBacksDue],
    ['supervisionReportDue', alerts.supervisionReportsDue],
  ];
  return counts.filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count }));
}

/** The badge text: nothing at 0, 99+ above 99. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}
