import EventNoteIcon from '@mui/icons-material/EventNote';
import { Box, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useTranslate } from 'react-admin';

/** Shown by campaign pages when the bureau has no campaign yet. */
export function NoCampaign() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'create' });
  return (
    <Box sx={{ textAlign: 'center', mt: 8, color: 'text.secondary' }}>
      <EventNoteIcon sx={{ fontSize: 72, opacity: 0.4 }} />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate('pingyi.campaign.none_yet')}
      </Typography>
      {canAccess && <CreateButton resource="campaigns" variant="contained" sx={{ mt: 2 }} />}
    </Box>
  );
}
