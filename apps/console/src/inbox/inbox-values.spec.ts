import { describe, expect, it } from 'vitest';
import { alertCounts, badgeText, subjectRoute } from './inbox-values';

describe('the inbox', () => {
  it('links a notification to what it is about', () => {
    expect(subjectRoute('rectificationItem', '12')).toBe('/rectificationItems/12/show');
    expect(subjectRoute('criticismNotice', '3')).toBe('/criticismNotices/3/show');
    expect(subjectRoute('inspection', '4')).toBe('/inspections/4/show');
    expect(subjectRoute('accountabilityRecord', '5')).toBe('/accountabilityRecords');
  });

  it('shows only the alert kinds with items, in order', () => {
    const alerts = {
      campaignId: '1',
      campaignName: 'x',
      today: '2026-11-25',
      overdue: 2,
      dueSoon: 0,
      supervised: 1,
      lookBacksDue: 0,
      supervisionReportsDue: 3,
      items: [],
    };
    expect(alertCounts(alerts)).toEqual([
      { kind: 'overdue', count: 2 },
      { kind: 'supervised', count: 1 },
      { kind: 'supervisionReportDue', count: 3 },
    ]);
  });

  it('caps the badge', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
