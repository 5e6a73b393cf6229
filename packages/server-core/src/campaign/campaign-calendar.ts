import {
  allowedActions,
  assertActionAllowed,
  type CampaignAction,
  type CampaignCalendar,
  type Phase,
  phaseOn,
  PingyiError,
} from '@pingyi/domain';
import { type Campaign } from './campaign.entity';

/** The domain's calendar of a stored campaign. */
export function calendarOf(
  campaign: Pick<Campaign, 'startDate' | 'endDate' | 'timeZone' | 'phases'>,
): CampaignCalendar {
  return { start: campaign.startDate, end: campaign.endDate, timeZone: campaign.timeZone, phases: campaign.phases };
}

/**
 * Phase gating for a write: returns the current phase, or throws the domain's
 * `PHASE_CLOSED` whose message names the action's window(s) and dates.
 */
export function assertCampaignActionOpen(campaign: Campaign, action: CampaignAction, now: Date = new Date()): Phase {
  assertNotArchived(campaign);
  return assertActionAllowed(calendarOf(campaign), action, now);
}

/** An archived campaign is read-only: `CAMPAIGN_ARCHIVED`. */
export function assertNotArchived(campaign: Pick<Campaign, 'name' | 'archivedAt'>, path?: string): void {
  if (campaign.archivedAt !== null && campaign.archivedAt !== undefined) {
    throw new PingyiError(
      'CAMPAIGN_ARCHIVED',
      `the campaign ${campaign.name} is archived and read-only; unarchive it to change it`,
      path,
    );
  }
}

/** The phase the campaign is in at `now`, or null. */
export function currentPhaseOf(campaign: Campaign, now: Date = new Date()): Phase | null {
  return phaseOn(calendarOf(campaign), now);
}

/** The gated actions open at `now` (for a console to grey out the rest). */
export function openActionsOf(campaign: Campaign, now: Date = new Date()): readonly CampaignAction[] {
  return allowedActions(calendarOf(campaign), now);
}
