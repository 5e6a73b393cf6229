import { type CampaignRecord } from './campaign-values';
import { todayIn } from './PhaseTimeline';

type Dated = Pick<CampaignRecord, 'id' | 'year' | 'timeZone' | 'phases' | 'startDate'>;

const firstDay = (campaign: Dated): string | null =>
  campaign.phases
    .map((phase) => phase.start)
    .filter(Boolean)
    .sort()[0] ??
  campaign.startDate ??
  null;
const lastDay = (campaign: Dated): string | null =>
  campaign.phases
    .map((phase) => phase.end)
    .filter(Boolean)
    .sort()
    .at(-1) ?? null;

/**
 * The campaign a user lands on: the one whose phases contain today (in its
 * time zone), else the latest that has started, else the next to start. Next
 * year's campaign, set up in advance, does not take over before it begins.
 */
export function defaultCampaign<T extends Dated>(campaigns: readonly T[], now = new Date()): T | undefined {
  const started = campaigns
    .map((campaign) => ({
      campaign,
      today: todayIn(campaign.timeZone || 'Asia/Shanghai', now),
      first: firstDay(campaign),
    }))
    .filter(({ first, today }) => first !== null && first <= today);
  const current = started.filter(({ campaign, today }) => (lastDay(campaign) ?? today) >= today);
  const latest = (list: typeof started) =>
    [...list].sort((a, b) => (b.first ?? '').localeCompare(a.first ?? '') || b.campaign.year - a.campaign.year)[0]
      ?.campaign;
  const upcoming = [...campaigns].sort((a, b) => (firstDay(a) ?? '9999').localeCompare(firstDay(b) ?? '9999'))[0];
  return latest(current) ?? latest(started) ?? upcoming;
}

/** Where a user's own choice of campaign is kept in the browser (it outlives signing out, unlike react-admin's store). */
export const rememberedCampaignKey = (username: string): string => `pingyi.campaign.${username}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const rememberedCampaign = {
  get: (username: string): string | null => storage()?.getItem(rememberedCampaignKey(username)) ?? null,
  set: (username: string, id: string): void => storage()?.setItem(rememberedCampaignKey(username), id),
};
