import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, usePermissions, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/auth-provider';
import { useUnitNames } from '../common/unit-names';
import { DocumentButtons } from './DocumentButtons';

/**
 * The feedback letter (意见建议反馈函) of a unit: the office and leaders pick
 * the unit; a liaison gets their own unit's letter only.
 */
export function FeedbackLetterButtons({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const { canAccess: anyUnit } = useCanAccess({ resource: 'documents', action: 'letters' });
  const { canAccess: ownUnit } = useCanAccess({ resource: 'documents', action: 'ownLetter' });
  const names = useUnitNames(campaignId);
  const [chosen, setChosen] = useState('');
  const own = !anyUnit && ownUnit ? (permissions?.unitCode ?? null) : null;
  const unit = own ?? chosen;
  if (!anyUnit && !own) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {anyUnit && (
        <TextField
          select
          size="small"
          label={translate('pingyi.results.unit')}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          sx={{ minWidth: 140 }}
          slotProps={{ htmlInput: { 'data-testid': 'feedback-letter-unit' } }}
        >
          {[...names].map(([code, name]) => (
            <MenuItem key={code} value={code}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <DocumentButtons
        path={`/documents/${encodeURIComponent(campaignId)}/feedback-letter/${encodeURIComponent(unit)}`}
        label="pingyi.documents.feedback_letter"
        disabled={!unit}
        testId="feedback-letter"
      />
    </Stack>
  );
}
