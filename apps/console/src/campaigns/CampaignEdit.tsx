import { Box, Typography } from '@mui/material';
import { Edit, ShowButton, TopToolbar, useNotify, useRecordContext, useSaveContext, useTranslate } from 'react-admin';
import { ChangeCancelled, useChangeReason } from '../common/use-change-reason';
import { hasClosed, windowKey } from '../phase-gate';
import { CampaignForm } from './CampaignForm';
import { campaignInput, type CampaignRecord, type Phase } from './campaign-values';
import { PhaseTimeline } from './PhaseTimeline';

function Actions() {
  return (
    <TopToolbar>
      <ShowButton />
    </TopToolbar>
  );
}

/** The voting window before and after, as timelines: what moving it does. */
function WindowChange({
  before,
  after,
  timeZone,
}: {
  before: readonly Phase[];
  after: readonly Phase[];
  timeZone: string;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="subtitle2">{translate('pingyi.change_reason.before')}</Typography>
      <PhaseTimeline phases={before} timeZone={timeZone} />
      <Typography variant="subtitle2">{translate('pingyi.change_reason.after')}</Typography>
      <PhaseTimeline phases={after} timeZone={timeZone} />
    </Box>
  );
}

/** The campaign form of the edit page; moving the voting window after the vote has closed asks for a reason first. */
function CampaignEditForm() {
  const previous = useRecordContext<CampaignRecord>();
  const { save } = useSaveContext();
  const notify = useNotify();
  const { dialog, ask } = useChangeReason('pingyi.change_reason.window_title', 'pingyi.change_reason.window_warning');
  const submit = async (data: Record<string, unknown>) => {
    if (previous?.phases?.length && hasClosed(previous, 'castBallot')) {
      const after = (campaignInput(data, previous).phases ?? []) as Phase[];
      if (
        windowKey(previous, 'castBallot') !==
        windowKey({ ...previous, phases: after, openActions: undefined }, 'castBallot')
      ) {
        try {
          const reason = await ask(
            <WindowChange before={previous.phases} after={after} timeZone={previous.timeZone} />,
          );
          return save?.({ ...data, reason });
        } catch (error) {
          if (!(error instanceof ChangeCancelled)) throw error;
          notify(error.message, { type: 'info' });
          return undefined;
        }
      }
    }
    return save?.(data);
  };
  return (
    <>
      <CampaignForm onSubmit={submit} />
      {dialog}
    </>
  );
}

/**
 * Edits a campaign; the server checks the calendar, texts, groups and policy
 * and names the field at fault.
 */
export function CampaignEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={<Actions />} redirect="show">
      <CampaignEditForm />
    </Edit>
  );
}
