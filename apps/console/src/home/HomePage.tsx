import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';
import { CURRENT_BUREAU } from './home.queries';

interface Identity {
  fullName?: string;
  roles?: string[];
  unitCode?: string | null;
}

/** The landing page before a campaign exists: who you are, which bureau, and how to start. */
export function HomePage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const { identity } = useGetIdentity();
  const who = identity as Identity | undefined;
  const bureau = useQuery({
    queryKey: ['currentBureau'],
    queryFn: ({ signal }) => dataProvider.graphql(CURRENT_BUREAU, {}, signal),
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="pingyi.menu.dashboard" />
      <Card>
        <CardContent>
          <Typography variant="h5">{translate('pingyi.home.welcome', { name: who?.fullName ?? '' })}</Typography>
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {translate('pingyi.home.bureau')}：{bureau.data?.currentBureau.name ?? '…'}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            {(who?.roles ?? []).map((role) => (
              <Chip key={role} label={translate(`pingyi.roles.${role}`)} color="primary" variant="outlined" />
            ))}
            {who?.unitCode && <Chip label={translate('pingyi.home.unit', { unit: who.unitCode })} />}
          </Stack>
        </CardContent>
      </Card>
      <NoCampaign />
    </Box>
  );
}
