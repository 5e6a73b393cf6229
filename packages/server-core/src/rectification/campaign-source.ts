import { type CampaignCalendar } from '@pingyi/domain';

/** What rectification and supervision need to know about a campaign. */
export interface RectificationCampaign {
  readonly id: number;
  /** The campaign's calendar for phase gating; `null` when it has none (then nothing is gated). */
  readonly calendar: CampaignCalendar | null;
  /** The bureau's time zone for this campaign: "today", deadlines, overdue. */
  readonly timeZone: string;
  /** Codes of the inspection focus areas (明查暗访重点) of the campaign. */
  readonly inspectionFocuses: readonly string[];
}

/**
 * Finds a campaign of a bureau. Provided with the token {@link CAMPAIGN_SOURCE}
 * by whoever owns campaigns, so rectification never imports campaign services.
 */
export interface CampaignSource {
  /** The campaign, or `null` when the bureau has no such campaign. */
  find(bureauId: number, campaignId: number): Promise<RectificationCampaign | null>;
}

export const CAMPAIGN_SOURCE = Symbol('RECTIFICATION_CAMPAIGN_SOURCE');
