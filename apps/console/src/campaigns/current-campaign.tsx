import { MenuItem, TextField } from '@mui/material';
import { useCallback, useEffect } from 'react';
import { useGetIdentity, useGetList, useStore, useTranslate } from 'react-admin';
import { campaignScope } from './campaign-scope';
import { type CampaignRecord } from './campaign-values';
import { defaultCampaign, rememberedCampaign } from './default-campaign';

const STORE_KEY = 'pingyi.campaignId';

/**
 * The campaign the console works on (organization, work plan, results,
 * dashboard): the one the user chose in the app bar (remembered per user in
 * this browser), by default the one running today (see `defaultCampaign`).
 */
export function useCurrentCampaign(): {
  campaign: CampaignRecord | undefined;
  campaigns: CampaignRecord[];
  isPending: boolean;
  setCampaignId: (id: string) => void;
} {
  const [storedId, setStoredId] = useStore<string | null>(STORE_KEY, null);
  const { identity, isPending: identityPending } = useGetIdentity();
  const username = typeof identity?.username === 'string' ? identity.username : null;
  const { data, isPending } = useGetList<CampaignRecord>('campaigns', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'year', order: 'DESC' },
  });
  const campaigns = data ?? [];
  const chosenId = storedId ?? (username ? rememberedCampaign.get(username) : null);
  const campaign = campaigns.find((c) => c.id === chosenId) ?? defaultCampaign(campaigns);
  campaignScope.set(campaign?.id ?? null);
  const setCampaignId = useCallback(
    (id: string) => {
      setStoredId(id);
      if (username) rememberedCampaign.set(username, id);
    },
    [setStoredId, username],
  );
  return { campaign, campaigns, isPending: isPending || identityPending, setCampaignId };
}

/** The campaign switch in the app bar (hidden when there is at most one campaign). */
export function CampaignSwitch() {
  const translate = useTranslate();
  const { campaign, campaigns, setCampaignId } = useCurrentCampaign();
  useEffect(() => {
    if (campaign) document.documentElement.dataset.campaign = campaign.id;
  }, [campaign]);
  if (campaigns.length < 2 || !campaign) return null;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      value={campaign.id}
      onChange={(event) => setCampaignId(event.target.value)}
      // the name goes on the combobox itself (MUI would label it by its own value only)
      slotProps={{
        select: {
          SelectDisplayProps: {
            'aria-label': translate('pingyi.campaign.current'),
            'aria-labelledby': undefined,
          } as object,
        },
      }}
      sx={{
        mx: 1,
        minWidth: 180,
        // a long plan title must not push the language switch and user menu onto two lines
        maxWidth: { xs: 200, md: 360 },
        flexShrink: 1,
        '& .MuiInputBase-root': { color: 'inherit', height: 34 },
        '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.5)' },
        '& .MuiSvgIcon-root': { color: 'inherit' },
      }}
    >
      {campaigns.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
