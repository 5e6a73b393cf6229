import { type VariablesOf } from '../data/graphql';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ArrayInput, Form, required, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { EditablePanel, EditorToolbar, ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import {
  APPRAISAL_OFFICE,
  LEADING_GROUP,
  type LeadingGroupSeat,
  type OfficeMember,
  SET_APPRAISAL_OFFICE,
  SET_LEADING_GROUP,
} from './organization.queries';

const SEAT_ROLES = ['leader', 'deputyLeader', 'member'].map((id) => ({ id, name: `pingyi.organization.seat.${id}` }));

/** The leading group (领导小组): 组长, 副组长, 成员. */
export function LeadingGroupPanel({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['leadingGroup', campaignId], LEADING_GROUP, {
    campaignId,
  });
  const save = useGraphqlMutation(SET_LEADING_GROUP, {
    invalidate: [['leadingGroup', campaignId]],
    successMessage: 'pingyi.common.saved',
    notifyErrors: false,
  });
  const seats = data?.leadingGroup ?? [];
  return (
    <EditablePanel
      title={translate('pingyi.organization.leading_group')}
      hint={translate('pingyi.organization.leading_group_hint')}
      canEdit={canEdit}
      view={
        seats.length ? (
          <Table size="small" sx={{ maxWidth: 860 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 120 }}>{translate('pingyi.organization.fields.role')}</TableCell>
                <TableCell sx={{ width: 160 }}>{translate('pingyi.organization.fields.name')}</TableCell>
                <TableCell>{translate('pingyi.organization.fields.position')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {seats.map((seat) => (
                <TableRow key={seat.id}>
                  <TableCell sx={{ fontWeight: seat.role === 'member' ? 400 : 600 }}>
                    {translate(`pingyi.organization.seat.${seat.role}`)}
                  </TableCell>
                  <TableCell>{seat.name ?? '—'}</TableCell>
                  <TableCell>{seat.position}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary">{translate('pingyi.organization.empty')}</Typography>
        )
      }
      editor={(done) => (
        <SeatsEditor
          seats={seats}
          done={done}
          save={(list) => save.mutateAsync({ campaignId, input: { seats: list } })}
        />
      )}
    />
  );
}

function SeatsEditor({
  seats,
  done,
  save,
}: {
  seats: LeadingGroupSeat[];
  done: () => void;
  save: (seats: VariablesOf<typeof SET_LEADING_GROUP>['input']['seats']) => Promise<unknown>;
}) {
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    await save(
      (values.seats as LeadingGroupSeat[]).map(({ role, name, position }) => ({ role, name: name || null, position })),
    );
    done();
  });
  return (
    <Form record={{ seats: seats.map(({ role, name, position }) => ({ role, name, position })) }} onSubmit={onSubmit}>
      <ServerErrorAlert error={error} />
      <ArrayInput source="seats" label="pingyi.organization.leading_group">
        <SimpleFormIterator inline>
          <SelectInput
            source="role"
            label="pingyi.organization.fields.role"
            choices={SEAT_ROLES}
            validate={required()}
            fullWidth={false}
            sx={{ width: 140 }}
          />
          <TextInput source="name" label="pingyi.organization.fields.name" fullWidth={false} sx={{ width: 160 }} />
          <TextInput
            source="position"
            label="pingyi.organization.fields.position"
            validate={required()}
            fullWidth={false}
            sx={{ width: 380 }}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <EditorToolbar onCancel={done} />
    </Form>
  );
}

/** The appraisal office (评议办公室): who runs the campaign day to day. */
export function AppraisalOfficePanel({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['appraisalOffice', campaignId], APPRAISAL_OFFICE, { campaignId });
  const save = useGraphqlMutation(SET_APPRAISAL_OFFICE, {
    invalidate: [['appraisalOffice', campaignId]],
    successMessage: 'pingyi.common.saved',
    notifyErrors: false,
  });
  const members = data?.appraisalOffice ?? [];
  return (
    <EditablePanel
      title={translate('pingyi.organization.office')}
      canEdit={canEdit}
      view={
        members.length ? (
          <Table size="small" sx={{ maxWidth: 860 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 160 }}>{translate('pingyi.organization.fields.name')}</TableCell>
                <TableCell>{translate('pingyi.organization.fields.position')}</TableCell>
                <TableCell>{translate('pingyi.organization.fields.duty')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((member) => (
                <TableRow key={member.id}>
                  <TableCell>{member.name}</TableCell>
                  <TableCell>{member.position ?? '—'}</TableCell>
                  <TableCell>{member.duty ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary">{translate('pingyi.organization.empty')}</Typography>
        )
      }
      editor={(done) => (
        <MembersEditor members={members} done={done} save={(list) => save.mutateAsync({ campaignId, members: list })} />
      )}
    />
  );
}

function MembersEditor({
  members,
  done,
  save,
}: {
  members: OfficeMember[];
  done: () => void;
  save: (members: VariablesOf<typeof SET_APPRAISAL_OFFICE>['members']) => Promise<unknown>;
}) {
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    await save(
      (values.members as OfficeMember[]).map(({ name, position, duty }) => ({
        name,
        position: position || null,
        duty: duty || null,
      })),
    );
    done();
  });
  return (
    <Form
      record={{ members: members.map(({ name, position, duty }) => ({ name, position, duty })) }}
      onSubmit={onSubmit}
    >
      <ServerErrorAlert error={error} />
      <ArrayInput source="members" label="pingyi.organization.office">
        <SimpleFormIterator inline>
          <TextInput
            source="name"
            label="pingyi.organization.fields.name"
            validate={required()}
            fullWidth={false}
            sx={{ width: 160 }}
          />
          <TextInput
            source="position"
            label="pingyi.organization.fields.position"
            fullWidth={false}
            sx={{ width: 240 }}
          />
          <TextInput source="duty" label="pingyi.organization.fields.duty" fullWidth={false} sx={{ width: 320 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <EditorToolbar onCancel={done} />
    </Form>
  );
}
