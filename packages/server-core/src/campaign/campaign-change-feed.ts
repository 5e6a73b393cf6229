import { Injectable } from '@nestjs/common';

/** Called with a campaign's id after a change to it (its calendar, groups, policy, archiving or units) committed. */
export type CampaignChangeListener = (campaignId: number) => void;

/**
 * Tells this server's caches of campaign data that a campaign changed, so the
 * office's own server never answers from the state before its change. Other
 * servers on the same database are not told: their caches keep their own
 * short lifetimes.
 */
@Injectable()
export class CampaignChangeFeed {
  private readonly listeners = new Set<CampaignChangeListener>();

  /** Listens to changes; returns the function that stops listening. */
  onChange(listener: CampaignChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says that campaign `id` changed (once the change is written). */
  changed(campaignId: number): void {
    for (const listener of this.listeners) listener(campaignId);
  }
}
