import SettingsIcon from '@mui/icons-material/Settings';
import { Alert, Box, Card, CardContent, Link, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  Form,
  Loading,
  maxLength,
  regex,
  SaveButton,
  TextInput,
  Title,
  useCanAccess,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlQuery } from '../data/use-graphql';
import { BUREAU_SETTINGS, MAX_PUBLIC_ADDRESS_LENGTH, UPDATE_BUREAU_SETTINGS } from './settings.queries';

const ADDRESS = /^https?:\/\/[^\s/?#<>"']+(\/[^\s?#<>"']*)?$/;

/** 系统设置: the public address the bureau's slips and documents print (admins and the office). */
export function SettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const { canAccess: canEdit, isPending: accessPending } = useCanAccess({ resource: 'settings', action: 'edit' });
  const settings = useGraphqlQuery(['bureauSettings'], BUREAU_SETTINGS, {});
  const { onSubmit, error } = useServerSubmit(async (values: { publicAddress?: string | null }) => {
    await dataProvider.mutate(UPDATE_BUREAU_SETTINGS, {
      input: { publicAddress: values.publicAddress?.trim() || null },
    });
    await queryClient.invalidateQueries({ queryKey: ['pingyi', 'bureauSettings'] });
    notify('pingyi.settings.saved', { type: 'success' });
  });
  if (settings.isPending || accessPending) return <Loading />;
  const current = settings.data?.bureauSettings;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="pingyi.menu.settings" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('pingyi.settings.public_address')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
            {translate('pingyi.settings.public_address_hint')}
          </Typography>
          {current?.ballotUrl ? (
            <Alert severity="success" sx={{ mb: 2, maxWidth: 720 }} data-testid="ballot-url">
              {translate('pingyi.settings.ballot_url_is')} <Link href={current.ballotUrl}>{current.ballotUrl}</Link>
            </Alert>
          ) : (
            <Alert severity="warning" sx={{ mb: 2, maxWidth: 720 }} data-testid="ballot-url">
              {translate('pingyi.settings.no_public_address', { address: window.location.origin })}
            </Alert>
          )}
          <Form onSubmit={onSubmit} record={{ publicAddress: current?.publicAddress ?? '' }} disabled={!canEdit}>
            <ServerErrorAlert error={error} />
            <TextInput
              source="publicAddress"
              label="pingyi.settings.public_address"
              helperText="pingyi.settings.public_address_help"
              validate={[maxLength(MAX_PUBLIC_ADDRESS_LENGTH), regex(ADDRESS, 'pingyi.settings.invalid_address')]}
              sx={{ maxWidth: 720 }}
              disabled={!canEdit}
            />
            {canEdit && (
              <Box sx={{ mt: 1 }}>
                <SaveButton icon={<SettingsIcon />} alwaysEnable />
              </Box>
            )}
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
}
