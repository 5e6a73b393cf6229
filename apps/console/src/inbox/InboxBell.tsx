import NotificationsIcon from '@mui/icons-material/NotificationsNone';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useGraphqlQuery } from '../data/use-graphql';
import { badgeText } from './inbox-values';
import { INBOX_UNREAD } from './inbox.queries';

/** The app bar's bell: the unread count, a link to the inbox (refreshed when the inbox is marked read). */
export function InboxBell() {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['inbox', 'unread'], INBOX_UNREAD, {});
  const text = badgeText(data?.inbox.unread ?? 0);
  return (
    <Tooltip title={translate('pingyi.menu.inbox')}>
      <IconButton
        component={Link}
        to="/inbox"
        color="inherit"
        aria-label={translate('pingyi.menu.inbox')}
        data-testid="inbox-bell"
      >
        <Badge badgeContent={text} color="warning" invisible={!text}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
