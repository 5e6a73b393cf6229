import AddIcon from '@mui/icons-material/Add';
import CampaignIcon from '@mui/icons-material/Campaign';
import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, Loading, useTranslate } from 'react-admin';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { DocumentButtons } from './DocumentButtons';
import { GROUP_CONTACTS, type GroupContact, SEND_GROUP_REMINDER, SET_GROUP_CONTACTS } from './documents.queries';

type Draft = { name: string; organization: string; phone: string; email: string };
const blank = (): Draft => ({ name: '', organization: '', phone: '', email: '' });
const draftOf = (contact: GroupContact): Draft => ({
  name: contact.name,
  organization: contact.organization ?? '',
  phone: contact.phone ?? '',
  email: contact.email ?? '',
});

function ContactsDialog({
  campaignId,
  group,
  contacts,
  onClose,
}: {
  campaignId: string;
  group: { code: string; label: string };
  contacts: readonly GroupContact[];
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [drafts, setDrafts] = useState<Draft[]>(contacts.length ? contacts.map(draftOf) : [blank()]);
  const [error, setError] = useState<string | null>(null);
  const save = useGraphqlMutation(SET_GROUP_CONTACTS, {
    invalidate: [['groupContacts', campaignId]],
    successMessage: 'pingyi.contacts.saved',
    notifyErrors: false,
  });
  const change = (i: number, field: keyof Draft, value: string) =>
    setDrafts((list) => list.map((d, j) => (j === i ? { ...d, [field]: value } : d)));
  const submit = () => {
    setError(null);
    const list = drafts
      .filter((d) => d.name.trim() || d.organization.trim() || d.phone.trim() || d.email.trim())
      .map((d) => ({
        name: d.name,
        organization: d.organization || null,
        phone: d.phone || null,
        email: d.email || null,
      }));
    save.mutate(
      { campaignId, groupCode: group.code, contacts: list },
      { onSuccess: onClose, onError: (e) => setError(e.message) },
    );
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('pingyi.contacts.edit_title', { group: group.label })}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="contacts-error">
            {error}
          </Alert>
        )}
        {drafts.map((draft, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
            {(['name', 'organization', 'phone', 'email'] as const).map((field) => (
              <TextField
                key={field}
                size="small"
                label={translate(`pingyi.contacts.${field}`)}
                value={draft[field]}
                onChange={(e) => change(i, field, e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': `contact-${i}-${field}` } }}
                sx={{ flex: field === 'organization' ? 2 : 1 }}
              />
            ))}
            <IconButton
              aria-label={translate('pingyi.contacts.remove')}
              onClick={() => setDrafts((list) => list.filter((_, j) => j !== i))}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        <Button
          label="pingyi.contacts.add"
          startIcon={<AddIcon />}
          onClick={() => setDrafts((list) => [...list, blank()])}
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          variant="contained"
          label="pingyi.contacts.save"
          onClick={submit}
          disabled={save.isPending}
          data-testid="contacts-save"
        />
      </DialogActions>
    </Dialog>
  );
}

/** Evaluator groups' contacts (e.g. the 人大 liaison office) and reminders with the group's count against its quota. */
export function GroupContactsPanel({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useGraphqlQuery(['groupContacts', campaignId], GROUP_CONTACTS, {
    campaignId,
  });
  const remind = useGraphqlMutation(SEND_GROUP_REMINDER, {
    invalidate: [['groupContacts', campaignId], ['inbox']],
    successMessage: 'pingyi.contacts.reminded',
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const groups = data?.participation.groups ?? [];
  const contactsOf = (code: string) =>
    (data?.evaluatorGroupContacts ?? []).filter((c) => c.evaluatorGroupCode === code);
  const editingGroup = groups.find((g) => g.code === editing);
  const confirmingGroup = groups.find((g) => g.code === confirming);
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('pingyi.contacts.intro')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.contacts.group')}</TableCell>
            <TableCell align="right">{translate('pingyi.contacts.count')}</TableCell>
            <TableCell>{translate('pingyi.contacts.people')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((group) => {
            const contacts = contactsOf(group.code);
            return (
              <TableRow key={group.code} data-testid={`group-${group.code}`}>
                <TableCell>{group.label}</TableCell>
                <TableCell align="right">{`${group.ballots} / ${group.quota}`}</TableCell>
                <TableCell>
                  {contacts.length ? (
                    contacts.map((c) => [c.organization, c.name, c.phone].filter(Boolean).join(' ')).join('；')
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {translate('pingyi.contacts.none')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    label="pingyi.contacts.edit"
                    startIcon={<ContactPhoneIcon />}
                    onClick={() => setEditing(group.code)}
                    data-testid={`edit-contacts-${group.code}`}
                  />
                  <Button
                    label="pingyi.contacts.remind"
                    startIcon={<CampaignIcon />}
                    disabled={!contacts.length || remind.isPending}
                    onClick={() => setConfirming(group.code)}
                    data-testid={`remind-${group.code}`}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1 }}>
        {translate('pingyi.contacts.reminders')}
      </Typography>
      {(data?.groupReminders ?? []).length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('pingyi.contacts.no_reminders')}
        </Typography>
      )}
      {(data?.groupReminders ?? []).map((reminder) => (
        <Stack
          key={reminder.id}
          direction="row"
          spacing={2}
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
          data-testid={`reminder-${reminder.id}`}
        >
          <Typography variant="body2">
            {translate('pingyi.contacts.sent_line', {
              date: reminder.sentOn,
              group: reminder.groupLabel,
              ballots: reminder.ballots,
              quota: reminder.quota,
              by: reminder.sentBy,
              smart_count: reminder.contactCount,
            })}
          </Typography>
          <DocumentButtons
            path={`/documents/reminders/${encodeURIComponent(reminder.id)}`}
            label="pingyi.documents.reminder_notice"
            testId={`reminder-notice-${reminder.id}`}
          />
        </Stack>
      ))}
      {editingGroup && (
        <ContactsDialog
          campaignId={campaignId}
          group={editingGroup}
          contacts={contactsOf(editingGroup.code)}
          onClose={() => setEditing(null)}
        />
      )}
      <Confirm
        isOpen={!!confirmingGroup}
        title="pingyi.contacts.remind_title"
        content="pingyi.contacts.remind_content"
        translateOptions={{
          group: confirmingGroup?.label ?? '',
          ballots: confirmingGroup?.ballots ?? 0,
          quota: confirmingGroup?.quota ?? 0,
        }}
        onConfirm={() => {
          if (confirmingGroup) remind.mutate({ campaignId, groupCode: confirmingGroup.code });
          setConfirming(null);
        }}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
}
