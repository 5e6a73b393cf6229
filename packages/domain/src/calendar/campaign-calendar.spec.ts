import { describe, expect, it } from 'vitest';
import { SEED_CALENDAR_2026, TWO_YEAR_CALENDAR } from './calendar-fixtures.js';
import { type CampaignCalendar, parseCampaignCalendar, phaseOn, phaseOnDate } from './campaign-calendar.js';
import { errorOf } from '../errors/caught-error.js';

const withPhases = (changes: Record<string, unknown>): unknown => ({ ...SEED_CALENDAR_2026, ...changes });
const seedPhases = SEED_CALENDAR_2026.phases;
const replacePhase = (index: number, change: Record<string, unknown>): unknown =>
  withPhases({ phases: seedPhases.map((phase, i) => (i === index ? { ...phase, ...change } : phase)) });

describe('phaseOn in Asia/Shanghai', () => {
  it.each([
    ['2026-06-17T15:59:59Z', null],
    ['2026-06-17T16:00:00Z', 'mobilization'],
    ['2026-06-30T15:59:59Z', 'mobilization'],
    ['2026-06-30T16:00:00Z', 'implementation'],
    ['2026-10-15T15:59:59Z', 'implementation'],
    ['2026-10-15T16:00:00Z', 'appraisal'],
    ['2026-11-15T15:59:59Z', 'appraisal'],
    ['2026-11-15T16:00:00Z', 'rectification'],
    ['2026-12-31T15:59:59Z', 'rectification'],
    ['2026-12-31T16:00:00Z', null],
  ])('%s → %s', (iso, expected) => {
    expect(phaseOn(SEED_CALENDAR_2026, new Date(iso))?.code ?? null).toBe(expected);
  });
});

describe('phaseOn in other time zones', () => {
  const inZone = (timeZone: string): CampaignCalendar => ({ ...SEED_CALENDAR_2026, timeZone });
  it.each([
    ['UTC', '2026-10-15T23:59:59Z', 'implementation'],
    ['UTC', '2026-10-16T00:00:00Z', 'appraisal'],
    ['America/New_York', '2026-10-16T03:59:59Z', 'implementation'],
    ['America/New_York', '2026-10-16T04:00:00Z', 'appraisal'],
    ['Europe/Berlin', '2026-11-15T22:59:59Z', 'appraisal'],
    ['Europe/Berlin', '2026-11-15T23:00:00Z', 'rectification'],
    ['Asia/Kolkata', '2026-06-17T18:29:59Z', null],
    ['Asia/Kolkata', '2026-06-17T18:30:00Z', 'mobilization'],
  ])('%s: %s → %s', (timeZone, iso, expected) => {
    expect(phaseOn(inZone(timeZone), new Date(iso))?.code ?? null).toBe(expected);
  });
});

describe('a campaign spanning two years', () => {
  const calendar = parseCampaignCalendar(TWO_YEAR_CALENDAR);
  it.each([
    ['2026-12-31T15:59:59Z', 'rectification'],
    ['2026-12-31T16:00:00Z', 'rectification'],
    ['2027-06-30T16:00:00Z', 'lookBack'],
    ['2027-09-30T15:59:59Z', 'lookBack'],
    ['2027-09-30T16:00:00Z', null],
  ])('%s → %s', (iso, expected) => {
    expect(phaseOn(calendar, new Date(iso))?.code ?? null).toBe(expected);
  });
});

describe('parseCampaignCalendar', () => {
  it('accepts the seed calendar unchanged and defaults the time zone to Asia/Shanghai', () => {
    expect(parseCampaignCalendar(SEED_CALENDAR_2026)).toEqual(SEED_CALENDAR_2026);
    const { timeZone: _dropped, ...noZone } = SEED_CALENDAR_2026;
    expect(parseCampaignCalendar(noZone).timeZone).toBe('Asia/Shanghai');
  });

  it.each([
    ['not an object', 'x', 'calendar', /must be an object/],
    ['bad time zone', withPhases({ timeZone: 'Asia/Beijing' }), 'calendar.timeZone', /not a known IANA time zone/],
    [
      'bad campaign start',
      withPhases({ start: '2026-06-31' }),
      'calendar.start',
      /"2026-06-31" is not a calendar date/,
    ],
    [
      'campaign ends before it starts',
      withPhases({ end: '2026-06-01' }),
      'calendar.end',
      /the campaign ends 2026-06-01, before it starts 2026-06-18/,
    ],
    ['allowGaps not boolean', withPhases({ allowGaps: 'yes' }), 'calendar.allowGaps', /must be true or false/],
    ['phases missing', withPhases({ phases: undefined }), 'calendar.phases', /must be a list/],
    ['no phases', withPhases({ phases: [] }), 'calendar.phases', /at least one phase/],
    ['phase not an object', withPhases({ phases: [null] }), 'calendar.phases[0]', /must be an object/],
    ['bad phase code', replacePhase(1, { code: 'imple mentation' }), 'calendar.phases[1].code', /not a valid code/],
    [
      'duplicate phase code',
      replacePhase(2, { code: 'implementation' }),
      'calendar.phases[2].code',
      /phase code "implementation" is used twice/,
    ],
    ['missing label', replacePhase(0, { label: ' ' }), 'calendar.phases[0].label', /must not be empty/],
    [
      'bad phase date',
      replacePhase(3, { end: '2026-12-32' }),
      'calendar.phases[3].end',
      /"2026-12-32" is not a calendar date/,
    ],
    [
      'phase ends before it starts',
      replacePhase(2, { end: '2026-10-01' }),
      'calendar.phases[2].end',
      /phase "appraisal" \(接受评议\) ends 2026-10-01, before it starts 2026-10-16/,
    ],
    [
      'phase starts before the campaign',
      replacePhase(0, { start: '2026-06-01' }),
      'calendar.phases[0].start',
      /phase "mobilization" \(动员部署\) starts 2026-06-01, before the campaign starts 2026-06-18/,
    ],
    [
      'phase ends after the campaign',
      replacePhase(3, { end: '2027-01-31' }),
      'calendar.phases[3].end',
      /phase "rectification" \(整改提高\) ends 2027-01-31, after the campaign ends 2026-12-31/,
    ],
    [
      'phases out of order',
      withPhases({ phases: [seedPhases[0], seedPhases[2], seedPhases[1], seedPhases[3]] }),
      'calendar.phases[2].start',
      /phase "implementation" \(组织实施\) starts 2026-07-01, before the phase listed ahead of it, phase "appraisal" \(接受评议\), starts 2026-10-16/,
    ],
    [
      'overlap',
      replacePhase(2, { start: '2026-10-15' }),
      'calendar.phases[2].start',
      /phase "appraisal" \(接受评议\) starts 2026-10-15, overlapping phase "implementation" \(组织实施\), which ends 2026-10-15/,
    ],
    [
      'gap between phases',
      replacePhase(2, { start: '2026-10-20' }),
      'calendar.phases[2].start',
      /leaving 2026-10-16 to 2026-10-19 in no phase after phase "implementation" \(组织实施\) ends 2026-10-15 \(gap\)/,
    ],
    [
      'gap at the campaign start',
      replacePhase(0, { start: '2026-06-20' }),
      'calendar.phases[0].start',
      /starts 2026-06-20, leaving 2026-06-18 to 2026-06-19 of the campaign in no phase \(gap\)/,
    ],
    [
      'gap at the campaign end',
      replacePhase(3, { end: '2026-12-30' }),
      'calendar.phases[3].end',
      /ends 2026-12-30, leaving 2026-12-31 to 2026-12-31 of the campaign in no phase \(gap\)/,
    ],
    [
      'overlap even when gaps are allowed',
      withPhases({ allowGaps: true, phases: seedPhases.map((p, i) => (i === 3 ? { ...p, start: '2026-11-10' } : p)) }),
      'calendar.phases[3].start',
      /overlapping/,
    ],
  ])('%s → INVALID_CALENDAR', (_name, input, path, message) => {
    const error = errorOf(() => parseCampaignCalendar(input));
    expect(error.code).toBe('INVALID_CALENDAR');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('gaps when allowed', () => {
  const gapped = parseCampaignCalendar({
    ...SEED_CALENDAR_2026,
    allowGaps: true,
    phases: seedPhases.map((phase, i) => (i === 2 ? { ...phase, start: '2026-10-20' } : phase)),
  });
  it.each([
    ['2026-10-15', 'implementation'],
    ['2026-10-16', null],
    ['2026-10-19', null],
    ['2026-10-20', 'appraisal'],
  ])('%s → %s', (date, expected) => {
    expect(gapped.allowGaps).toBe(true);
    expect(phaseOnDate(gapped, date)?.code ?? null).toBe(expected);
  });
});
