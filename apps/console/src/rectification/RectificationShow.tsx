import { type VariablesOf } from '../data/graphql';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Divider,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import {
  Button,
  ListButton,
  ReferenceField,
  Show,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../common/ProgressField';
import { type PingyiDataProvider } from '../data/data-provider';
import { EventDialog } from './EventDialog';
import { EvidencePanel } from './EvidencePanel';
import { HistoryTimeline } from './HistoryTimeline';
import { eventForm } from './rectification-events';
import { type AttachmentRow, FIRE_EVENT, type HistoryEntry } from './rectification.queries';
import { DeadlineField, type RectificationItemRecord, StateChip, StateField } from './RectificationFields';
import { type SourceLink, SourceList } from './SourceList';
import { transitionFor } from '@pingyi/domain';
import { PhaseGate } from '../phase-gate';

interface Detail extends RectificationItemRecord {
  today: string;
  rolledUpProgress: number;
  sources: SourceLink[];
  attachments: AttachmentRow[];
  history: HistoryEntry[];
  subItems: {
    id: string;
    title: string;
    unitCode: string;
    state: string;
    deadline: string | null;
    overdue: boolean;
    progress: number | null;
  }[];
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
}

function Text({ value }: { value: string | null | undefined }) {
  const translate = useTranslate();
  return value ? (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Typography>
  ) : (
    <Typography variant="body2" color="text.secondary">
      {translate('pingyi.common.none')}
    </Typography>
  );
}

/** The transitions this user may fire now, as buttons (the server lists them in `allowedEvents`). */
function EventButtons({ item }: { item: Detail }) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const refresh = useRefresh();
  const [open, setOpen] = useState<string | null>(null);
  // the events come from the item's allowedEvents, which the server lists as strings
  const send = async (event: string, payload: Record<string, unknown>) => {
    await dataProvider.mutate(FIRE_EVENT, {
      id: item.id,
      event: event as VariablesOf<typeof FIRE_EVENT>['event'],
      payload: Object.keys(payload).length ? payload : null,
    });
    refresh();
  };
  if (!item.allowedEvents.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="event-buttons">
      {item.allowedEvents.map((event) => {
        const form = eventForm(event);
        const button = (
          <Button
            key={event}
            label={`pingyi.rectification.events.${event}`}
            variant={form.primary ? 'contained' : 'outlined'}
            color={form.negative ? 'warning' : 'primary'}
            onClick={() => setOpen(event)}
          />
        );
        const action = transitionFor(event)?.action;
        return action ? (
          <PhaseGate key={event} action={action}>
            {button}
          </PhaseGate>
        ) : (
          button
        );
      })}
      {open && (
        <EventDialog
          event={open}
          evidence={item.attachments}
          onClose={() => setOpen(null)}
          onSend={(payload) => send(open, payload)}
        />
      )}
    </Stack>
  );
}

function Facts({ item }: { item: Detail }) {
  const translate = useTranslate();
  const row = (label: string, value: ReactNode) => (
    <TableRow>
      <TableCell sx={{ color: 'text.secondary', width: 120, pl: 0 }}>{translate(label)}</TableCell>
      <TableCell>{value}</TableCell>
    </TableRow>
  );
  return (
    <Table size="small">
      <TableBody>
        {row(
          'resources.rectificationItems.fields.unitCode',
          <ReferenceField source="unitCode" reference="units" link={false} />,
        )}
        {row('resources.rectificationItems.fields.state', <StateField />)}
        {row('resources.rectificationItems.fields.deadline', <DeadlineField />)}
        {row('resources.rectificationItems.fields.owner', item.owner ?? '—')}
        {row('resources.rectificationItems.fields.progress', <ProgressBar value={item.rolledUpProgress} width={200} />)}
        {row('resources.rectificationItems.fields.openedOn', item.openedOn)}
        {item.closedOn && row('resources.rectificationItems.fields.closedOn', item.closedOn)}
        {item.supervised &&
          row(
            'pingyi.rectification.supervised',
            translate('pingyi.rectification.supervision_line', {
              leader: item.supervisingLeader ?? '',
              since: item.supervisedSince ?? '',
              days: item.reportingIntervalDays ?? '',
              due: item.supervisionReportDue ?? '',
            }),
          )}
        {item.lookBackDue &&
          row(
            'resources.rectificationItems.fields.lookBackDue',
            `${item.lookBackDue} · ${translate('pingyi.rectification.look_backs', { done: item.lookBacks, rebounds: item.rebounds })}`,
          )}
        {item.sources.length > 0 && row('pingyi.rectification.fields.sources', <SourceList sources={item.sources} />)}
      </TableBody>
    </Table>
  );
}

function Detail() {
  const item = useRecordContext<Detail>();
  const translate = useTranslate();
  const { canAccess: canUpload } = useCanAccess({ resource: 'rectificationItems', action: 'upload' });
  if (!item) return null;
  return (
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" sx={{ flex: 1 }}>
          {item.title}
        </Typography>
        <StateChip state={item.state} />
      </Stack>
      <EventButtons item={item} />
      <Divider sx={{ my: 2 }} />
      <Grid container spacing={4}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="resources.rectificationItems.fields.description">
            <Text value={item.description} />
          </Section>
          <Section title="resources.rectificationItems.fields.plan">
            <Text value={item.plan} />
          </Section>
          <Section title="resources.rectificationItems.fields.publicResponse">
            <Text value={item.publicResponse} />
          </Section>
          <Section title="pingyi.rectification.fields.evidence">
            <EvidencePanel
              itemId={item.id}
              attachments={item.attachments}
              canUpload={canUpload === true && item.state !== 'accepted' && item.state !== 'dismissed'}
            />
          </Section>
          {item.subItems.length > 0 && (
            <Section title="pingyi.rectification.sub_items">
              <Table size="small">
                <TableBody>
                  {item.subItems.map((sub) => (
                    <TableRow key={sub.id} hover>
                      <TableCell sx={{ pl: 0 }}>
                        <Link to={`/rectificationItems/${sub.id}/show`}>{sub.title}</Link>
                      </TableCell>
                      <TableCell>
                        <StateChip state={sub.state} />
                      </TableCell>
                      <TableCell sx={{ color: sub.overdue ? 'error.main' : undefined }}>
                        {sub.deadline ?? '—'}
                      </TableCell>
                      <TableCell>
                        <ProgressBar value={sub.progress} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="pingyi.rectification.facts">
            <Facts item={item} />
          </Section>
          <Section title="pingyi.rectification.history">
            <HistoryTimeline history={item.history} />
          </Section>
          <Chip size="small" variant="outlined" label={translate('pingyi.rectification.today', { date: item.today })} />
        </Grid>
      </Grid>
    </CardContent>
  );
}

/** A rectification item: facts, plan, response, evidence, history, and the transitions allowed now as buttons. */
export function RectificationShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ListButton />
        </TopToolbar>
      }
    >
      <Card elevation={0}>
        <Detail />
      </Card>
    </Show>
  );
}
