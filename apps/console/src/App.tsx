import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssessmentIcon from '@mui/icons-material/Assessment';
import BallotIcon from '@mui/icons-material/Ballot';
import InboxIcon from '@mui/icons-material/Inbox';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import SettingsIcon from '@mui/icons-material/Settings';
import TuneIcon from '@mui/icons-material/Tune';
import { lazy, Suspense, type ReactNode } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { auditLog } from './audit';
import { campaigns } from './campaigns';
import { DashboardPage } from './dashboard/DashboardPage';
import { createLayout } from './layout/AppLayout';
import { type MenuSection } from './layout/AppMenu';
import { LoginPage } from './layout/LoginPage';
import { startSignedOutAtLogin } from './auth/signed-out-start';
import { lazyPage } from './common/lazy-page';
import { AccessGuard } from './layout/AccessGuard';
import { theme } from './layout/theme';
import { createProviders } from './providers';
import { createQueryClient } from './data/retry-policy';
import { bulletins } from './bulletins';
import { opinions } from './opinions';
import { rectificationItems } from './rectification';
import { accountabilityRecords, criticismNotices, inspections, policyActions } from './supervision';
import { users } from './users';
import { workItems } from './work-plan';

const providers = createProviders();
startSignedOutAtLogin(() => providers.session.token() !== null);
const queryClient = createQueryClient();

// Heavy pages are their own chunks, loaded when first opened.
const ResultsPage = lazy(() => import('./results/ResultsPage'));
const PolicyEditorPage = lazy(() => import('./policy/PolicyEditorPage'));
const BallotsPage = lazy(() => import('./ballots/BallotsPage'));
const OrganizationPage = lazyPage(() => import('./organization/OrganizationPage'), 'OrganizationPage');
const InboxPage = lazyPage(() => import('./inbox/InboxPage'), 'InboxPage');
const IndicatorsPage = lazyPage(() => import('./indicators/IndicatorsPage'), 'IndicatorsPage');
const SettingsPage = lazyPage(() => import('./settings/SettingsPage'), 'SettingsPage');
const ScanReviewPage = lazyPage(() => import('./paper-scan/ScanReviewPage'), 'ScanReviewPage');
const ScanTranscribePage = lazyPage(() => import('./paper-scan/ScanTranscribePage'), 'ScanTranscribePage');

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** The menu by task; each role sees only what it may open. */
const SECTIONS: readonly MenuSection[] = [
  {
    label: 'pingyi.menu.campaign',
    entries: [
      { resource: 'campaigns' },
      { page: 'organization', to: '/organization', label: 'pingyi.menu.organization', icon: <AccountTreeIcon /> },
      { resource: 'workItems' },
      { page: 'indicators', to: '/indicators', label: 'pingyi.menu.indicators', icon: <AssessmentIcon /> },
      { resource: 'bulletins' },
    ],
  },
  {
    label: 'pingyi.menu.appraisal',
    entries: [
      { page: 'ballots', to: '/ballots', label: 'pingyi.menu.ballots', icon: <BallotIcon /> },
      { resource: 'opinions' },
      { page: 'results', to: '/results', label: 'pingyi.menu.results', icon: <LeaderboardIcon /> },
      { page: 'policy', to: '/policy', label: 'pingyi.menu.policy', icon: <TuneIcon /> },
    ],
  },
  {
    label: 'pingyi.menu.rectification',
    entries: [
      { page: 'inbox', to: '/inbox', label: 'pingyi.menu.inbox', icon: <InboxIcon /> },
      { resource: 'rectificationItems' },
      { resource: 'policyActions' },
      { resource: 'inspections' },
      { resource: 'criticismNotices' },
      { resource: 'accountabilityRecords' },
    ],
  },
  {
    label: 'pingyi.menu.system',
    entries: [
      { resource: 'users' },
      { resource: 'auditLog' },
      { page: 'settings', to: '/settings', label: 'pingyi.menu.settings', icon: <SettingsIcon /> },
    ],
  },
];

const AppLayout = createLayout(SECTIONS);

/** The Pingyi console: every resource and page, by role. */
export function App() {
  return (
    <Admin
      title="pingyi.app.title"
      dataProvider={providers.dataProvider}
      queryClient={queryClient}
      authProvider={providers.authProvider}
      i18nProvider={providers.i18nProvider}
      loginPage={LoginPage}
      layout={AppLayout}
      dashboard={DashboardPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="campaigns" {...campaigns} />
      <Resource name="workItems" {...workItems} />
      <Resource name="rectificationItems" {...rectificationItems} />
      <Resource name="policyActions" {...policyActions} />
      <Resource name="inspections" {...inspections} />
      <Resource name="criticismNotices" {...criticismNotices} />
      <Resource name="accountabilityRecords" {...accountabilityRecords} />
      <Resource name="bulletins" {...bulletins} />
      <Resource name="opinions" {...opinions} />
      <Resource name="units" recordRepresentation="name" />
      <Resource name="themes" recordRepresentation="label" />
      <Resource name="users" {...users} />
      <CustomRoutes>
        <Route
          path="/organization"
          element={<AccessGuard page="organization">{page(<OrganizationPage />)}</AccessGuard>}
        />
        <Route path="/inbox" element={<AccessGuard page="inbox">{page(<InboxPage />)}</AccessGuard>} />
        <Route path="/indicators" element={<AccessGuard page="indicators">{page(<IndicatorsPage />)}</AccessGuard>} />
        <Route path="/results" element={<AccessGuard page="results">{page(<ResultsPage />)}</AccessGuard>} />
        <Route path="/policy" element={<AccessGuard page="policy">{page(<PolicyEditorPage />)}</AccessGuard>} />
        <Route path="/ballots" element={<AccessGuard page="ballots">{page(<BallotsPage />)}</AccessGuard>} />
        <Route
          path="/ballots/scan/:batchId/review"
          element={<AccessGuard page="ballots">{page(<ScanReviewPage />)}</AccessGuard>}
        />
        <Route
          path="/ballots/scan/:batchId/opinions"
          element={<AccessGuard page="ballots">{page(<ScanTranscribePage />)}</AccessGuard>}
        />
        <Route path="/settings" element={<AccessGuard page="settings">{page(<SettingsPage />)}</AccessGuard>} />
      </CustomRoutes>
      <Resource name="auditLog" {...auditLog} />
    </Admin>
  );
}
