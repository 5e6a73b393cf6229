import {
  actionWindows,
  type CampaignAction,
  type CampaignCalendar,
  isActionAllowed,
  localDateOf,
  type Phase,
} from '@pingyi/domain';
import { type TranslateFunction } from 'react-admin';

/** What the console knows of a campaign to tell whether an action is open. */
export interface GatedCampaign {
  readonly startDate?: string;
  readonly endDate?: string;
  readonly timeZone: string;
  readonly phases: readonly Phase[];
  /** The server's answer for today (authoritative); the domain's table on the browser's clock when missing. */
  readonly openActions?: readonly string[];
}

export interface ActionWindow {
  readonly action: CampaignAction;
  readonly open: boolean;
  /** The phases it is open in, consecutive ones as one run. */
  readonly runs: readonly { phases: readonly Phase[]; start: string; end: string }[];
}

const calendarOf = (campaign: GatedCampaign): CampaignCalendar => ({
  start: campaign.startDate ?? campaign.phases[0]?.start ?? '',
  end: campaign.endDate ?? campaign.phases[campaign.phases.length - 1]?.end ?? '',
  timeZone: campaign.timeZone,
  phases: [...campaign.phases],
});

/** When `action` is open in the campaign (the domain's table), and whether it is open today. */
export function actionWindowOf(campaign: GatedCampaign, action: CampaignAction, now = new Date()): ActionWindow {
  const calendar = calendarOf(campaign);
  const open = campaign.openActions ? campaign.openActions.includes(action) : isActionAllowed(calendar, action, now);
  const runs: { phases: Phase[]; start: string; end: string }[] = [];
  const all = calendar.phases;
  for (const phase of actionWindows(calendar, action)) {
    const last = runs[runs.length - 1];
    const previous = last?.phases[last.phases.length - 1];
    if (last && previous && all.indexOf(phase) === all.indexOf(previous) + 1) {
      last.phases.push(phase);
      last.end = phase.end;
    } else runs.push({ phases: [phase], start: phase.start, end: phase.end });
  }
  return { action, open, runs };
}

/** A phase's name in the console's language (the seed phases are translated; a bureau's own keep their label). */
export function phaseName(phase: Pick<Phase, 'code' | 'label'>, translate: TranslateFunction): string {
  return translate(`pingyi.phases.${phase.code}`, { _: phase.label });
}

/** 10-16 this year, 2027-01-05 another year. */
const shortDate = (date: string, today: string): string =>
  date.slice(0, 4) === today.slice(0, 4) ? date.slice(5) : date;

/** "组织实施和接受评议", "Implementation and Appraisal": a list in the console's language. */
export function listOf(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale === 'en' ? 'en' : 'zh-CN', { type: 'conjunction' }).format(items);
}

/** "接受评议 10-16 至 11-15", several runs joined. */
export function describeRuns(
  window: ActionWindow,
  today: string,
  translate: TranslateFunction,
  locale: string,
): string {
  return window.runs
    .map((run) =>
      translate('pingyi.phase_gate.run', {
        phases: listOf(
          run.phases.map((phase) => phaseName(phase, translate)),
          locale,
        ),
        start: shortDate(run.start, today),
        end: shortDate(run.end, today),
      }),
    )
    .join(translate('pingyi.phase_gate.or'));
}

/** Why a closed action is closed: "接受评议 10-16 至 11-15 可发放评议码"; null when it is open. */
export function closedHint(
  window: ActionWindow,
  today: string,
  translate: TranslateFunction,
  locale: string,
): string | null {
  if (window.open) return null;
  const action = translate(`pingyi.actions.${window.action}`);
  if (window.runs.length === 0) return translate('pingyi.phase_gate.never', { action });
  return translate('pingyi.phase_gate.closed', { windows: describeRuns(window, today, translate, locale), action });
}

/** True once today has reached the first day `action` is open (e.g. appraisal has opened for `castBallot`). */
export function hasOpened(campaign: GatedCampaign, action: CampaignAction, now = new Date()): boolean {
  const first = actionWindowOf(campaign, action, now).runs[0];
  return first !== undefined && todayOf(campaign, now) >= first.start;
}

/** True once `action`'s last window has ended (e.g. the vote is over for `castBallot`). */
export function hasClosed(campaign: GatedCampaign, action: CampaignAction, now = new Date()): boolean {
  const runs = actionWindowOf(campaign, action, now).runs;
  const last = runs[runs.length - 1];
  return last !== undefined && todayOf(campaign, now) > last.end;
}

/** The days `action` is open, as "start..end" per phase: two calendars with the same window give the same text. */
export function windowKey(campaign: GatedCampaign, action: CampaignAction): string {
  return actionWindowOf(campaign, action)
    .runs.map((run) => `${run.start}..${run.end}`)
    .join(',');
}

/** Today's date in the campaign's zone. */
export const todayOf = (campaign: Pick<GatedCampaign, 'timeZone'>, now = new Date()): string =>
  localDateOf(now, campaign.timeZone);
