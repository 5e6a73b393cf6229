import { type ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { CampaignSwitch } from '../campaigns/current-campaign';
import { InboxBell } from '../inbox/InboxBell';
import { AppMenu, type MenuSection } from './AppMenu';
import { ChangePasswordItem } from './ChangePasswordItem';

function AppTitleBar() {
  const translate = useTranslate();
  return (
    <AppBar
      // react-admin's toolbar, its spinner named for screen readers
      toolbar={
        <>
          <LocalesMenuButton />
          <LoadingIndicator aria-label={translate('pingyi.common.loading')} />
        </>
      }
      userMenu={
        <UserMenu>
          <ChangePasswordItem />
          <Logout />
        </UserMenu>
      }
    >
      <Typography
        variant="subtitle1"
        sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', md: 'block' } }}
      >
        {translate('pingyi.app.subtitle')}
      </Typography>
      <TitlePortal />
      <CampaignSwitch />
      <InboxBell />
    </AppBar>
  );
}

/** The frame of every page: app bar (title, language switch, user menu) and the role-aware menu. */
export function createLayout(sections: readonly MenuSection[]) {
  const Menu = () => <AppMenu sections={sections} />;
  return function AppLayout({ children }: { children: ReactNode }) {
    return (
      <Layout appBar={AppTitleBar} menu={Menu}>
        {children}
      </Layout>
    );
  };
}
