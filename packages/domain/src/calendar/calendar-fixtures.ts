// Calendars shared by the calendar and gating specs (not exported from the package).
import { type CampaignCalendar } from './campaign-calendar.js';

/** The seed plan's four phases in 2026, Asia/Shanghai. */
export const SEED_CALENDAR_2026: CampaignCalendar = {
  start: '2026-06-18',
  end: '2026-12-31',
  timeZone: 'Asia/Shanghai',
  phases: [
    { code: 'mobilization', label: '动员部署', start: '2026-06-18', end: '2026-06-30' },
    { code: 'implementation', label: '组织实施', start: '2026-07-01', end: '2026-10-15' },
    { code: 'appraisal', label: '接受评议', start: '2026-10-16', end: '2026-11-15' },
    { code: 'rectification', label: '整改提高', start: '2026-11-16', end: '2026-12-31' },
  ],
};

/** Appraisal in 2026, rectification running through June 2027, plus a bureau's own look-back phase. */
export const TWO_YEAR_CALENDAR: CampaignCalendar = {
  start: '2026-06-18',
  end: '2027-09-30',
  timeZone: 'Asia/Shanghai',
  phases: [
    { code: 'mobilization', label: '动员部署', start: '2026-06-18', end: '2026-06-30' },
    { code: 'implementation', label: '组织实施', start: '2026-07-01', end: '2026-10-15' },
    { code: 'appraisal', label: '接受评议', start: '2026-10-16', end: '2026-11-15' },
    { code: 'rectification', label: '整改提高', start: '2026-11-16', end: '2027-06-30' },
    { code: 'lookBack', label: '回头看', start: '2027-07-01', end: '2027-09-30' },
  ],
};
