import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  List as MuiList,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  TablePagination,
  Typography,
  Button as MuiButton,
} from '@mui/material';
import { useState } from 'react';
import { Button, Loading, Title, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { sentenceText } from '../common/sentence-text';
import { unitNameOf, useUnitNames } from '../common/unit-names';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { alertCounts, type InboxCampaignAlerts, type InboxNotification, subjectRoute } from './inbox-values';
import { INBOX, MARK_INBOX_READ } from './inbox.queries';

const PER_PAGE = 20;

function AlertsCard({ alerts }: { alerts: InboxCampaignAlerts }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const counts = alertCounts(alerts);
  const unitNames = useUnitNames(alerts.campaignId);
  return (
    <Card variant="outlined" data-testid="inbox-alerts">
      <CardHeader
        title={translate('pingyi.inbox.alerts_title', { campaign: alerts.campaignName })}
        subheader={translate('pingyi.inbox.today', { date: alerts.today })}
        titleTypographyProps={{ variant: 'subtitle1' }}
      />
      <CardContent sx={{ pt: 0 }}>
        {counts.length === 0 && alerts.items.length === 0 && (
          <Typography color="text.secondary">{translate('pingyi.inbox.no_alerts')}</Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }}>
          {counts.map(({ kind, count }) => (
            <Chip
              key={kind}
              size="small"
              color={kind === 'overdue' ? 'error' : kind === 'dueSoon' ? 'warning' : 'default'}
              label={translate(`pingyi.inbox.kinds.${kind}`, { smart_count: count })}
            />
          ))}
        </Stack>
        <MuiList component="div" dense disablePadding>
          {alerts.items.map(({ kinds, item }) => (
            <ListItemButton key={item.id} onClick={() => navigate(`/rectificationItems/${item.id}/show`)}>
              <ListItemText
                primary={item.title}
                secondary={[
                  unitNameOf(unitNames, item.unitCode),
                  item.deadline ? translate('pingyi.inbox.deadline', { date: item.deadline }) : null,
                  kinds.map((kind) => translate(`pingyi.inbox.kind.${kind}`)).join('、'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItemButton>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
}

function NotificationItem({ entry, onRead }: { entry: InboxNotification; onRead: (ids: string[]) => void }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <ListItem
      disablePadding
      divider
      data-testid="inbox-notification"
      secondaryAction={
        !entry.read && (
          <MuiButton size="small" onClick={() => onRead([entry.id])}>
            {translate('pingyi.inbox.mark_read')}
          </MuiButton>
        )
      }
    >
      <ListItemButton
        onClick={() => {
          if (!entry.read) onRead([entry.id]);
          navigate(subjectRoute(entry.subjectType, entry.subjectId));
        }}
        sx={{ pr: 14 }}
      >
        <Box
          sx={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            mr: 1.5,
            flexShrink: 0,
            bgcolor: entry.read ? 'transparent' : 'primary.main',
          }}
        />
        <ListItemText
          primary={sentenceText(translate, entry)}
          primaryTypographyProps={{ fontWeight: entry.read ? 400 : 600 }}
          secondary={`${new Date(entry.createdAt).toLocaleString()} · ${translate(`pingyi.inbox.subjects.${entry.subjectType}`)}`}
        />
      </ListItemButton>
    </ListItem>
  );
}

/** 待办消息: the signed-in user's notifications (newest first, mark read) and what needs acting on today. */
export function InboxPage() {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, isPending, error } = useGraphqlQuery(['inbox'], INBOX, {
    options: { skip: page * PER_PAGE, take: PER_PAGE },
    unreadOnly,
  });
  const markRead = useGraphqlMutation(MARK_INBOX_READ, { invalidate: [['inbox']] });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const { unread, notifications, alerts } = data.inbox;
  const unreadIds = notifications.items.filter((entry) => !entry.read).map((entry) => entry.id);
  const read = (ids: string[]) => markRead.mutate({ ids });
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="pingyi.menu.inbox" />
      {alerts.map((campaignAlerts) => (
        <AlertsCard key={campaignAlerts.campaignId} alerts={campaignAlerts} />
      ))}
      <Card>
        <CardHeader
          title={translate('pingyi.inbox.notifications', { smart_count: unread })}
          titleTypographyProps={{ variant: 'subtitle1' }}
          action={
            <Stack direction="row" spacing={1}>
              <MuiButton size="small" onClick={() => (setUnreadOnly(!unreadOnly), setPage(0))}>
                {translate(unreadOnly ? 'pingyi.inbox.show_all' : 'pingyi.inbox.unread_only')}
              </MuiButton>
              <Button
                label="pingyi.inbox.mark_all_read"
                disabled={unreadIds.length === 0 || markRead.isPending}
                onClick={() => read(unreadIds)}
                startIcon={<DoneAllIcon />}
              />
            </Stack>
          }
        />
        {notifications.items.length === 0 ? (
          <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>
            {translate('pingyi.inbox.empty')}
          </Typography>
        ) : (
          <MuiList disablePadding>
            {notifications.items.map((entry) => (
              <NotificationItem key={entry.id} entry={entry} onRead={read} />
            ))}
          </MuiList>
        )}
        {notifications.totalItems > PER_PAGE && (
          <TablePagination
            component="div"
            count={notifications.totalItems}
            page={page}
            rowsPerPage={PER_PAGE}
            rowsPerPageOptions={[PER_PAGE]}
            onPageChange={(_event, next: number) => setPage(next)}
          />
        )}
      </Card>
    </Stack>
  );
}
