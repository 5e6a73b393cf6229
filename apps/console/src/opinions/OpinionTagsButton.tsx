import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Button,
  Form,
  SaveButton,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { type PingyiDataProvider } from '../data/data-provider';
import { type OpinionRecord, TAG_OPINIONS } from './opinions.queries';

const choicesOf = (tags: readonly string[]) => tags.map((tag) => ({ id: tag, name: tag }));

/** 标签: adds tags to the selected opinions (new ones typed in), or removes some of theirs. */
export function OpinionTagsButton({ campaignId, tags }: { campaignId: string; tags: readonly string[] }) {
  const { selectedIds, data, onUnselectItems: unselectAll } = useListContext<OpinionRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string[]>([]);
  const selectedTags = [
    ...new Set(
      (data ?? []).filter((opinion) => selectedIds.includes(opinion.id)).flatMap((opinion) => opinion.tags ?? []),
    ),
  ].sort();
  const { onSubmit, error } = useServerSubmit(async (values: { add?: string[]; remove?: string[] }) => {
    await dataProvider.mutate(TAG_OPINIONS, { ids: selectedIds, add: values.add ?? [], remove: values.remove ?? [] });
    notify('pingyi.opinions.tagged', { type: 'success', messageArgs: { smart_count: selectedIds.length } });
    refresh();
    await queryClient.invalidateQueries({ queryKey: ['pingyi', 'opinionTags', campaignId] });
    setOpen(false);
    // last: with nothing selected, this button goes away
    unselectAll();
  });
  return (
    <>
      <Button label="pingyi.opinions.tag" startIcon={<LocalOfferIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="opinion-tags-title">
        <Form onSubmit={onSubmit} record={{ add: [], remove: [] }}>
          <DialogTitle id="opinion-tags-title">
            {translate('pingyi.opinions.tag_title', { smart_count: selectedIds.length })}
          </DialogTitle>
          <DialogContent>
            <ServerErrorAlert error={error} />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('pingyi.opinions.tag_hint')}
            </Typography>
            <AutocompleteArrayInput
              source="add"
              label="pingyi.opinions.tag_add"
              choices={choicesOf([...new Set([...tags, ...created])])}
              translateChoice={false}
              onCreate={(text?: string) => {
                const tag = (text ?? '').trim();
                if (!tag) return undefined;
                setCreated((list) => [...list, tag]);
                return { id: tag, name: tag };
              }}
              createItemLabel="pingyi.opinions.tag_new"
            />
            {selectedTags.length > 0 && (
              <AutocompleteArrayInput
                source="remove"
                label="pingyi.opinions.tag_remove"
                choices={choicesOf(selectedTags)}
                translateChoice={false}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="pingyi.opinions.tag_save" icon={<LocalOfferIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
