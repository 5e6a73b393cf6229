/**
 * The campaign the console is working on, readable outside React (the data
 * provider fills a missing `campaignId` argument from it, e.g. for the
 * reference lookups of react-admin inputs). Set by `useCurrentCampaign`.
 */
let currentCampaignId: string | null = null;

export const campaignScope = {
  get: (): string | null => currentCampaignId,
  set: (id: string | null): void => {
    currentCampaignId = id;
  },
};
