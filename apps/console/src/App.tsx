import { Admin, Resource } from 'react-admin';
import { auditLog } from './audit';
import { campaigns } from './campaigns';
import { HomePage } from './home/HomePage';
import { createLayout } from './layout/AppLayout';
import { type MenuSection } from './layout/AppMenu';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { createProviders } from './providers';
import { users } from './users';

const providers = createProviders();

/** The menu by task; each role sees only what it may open. */
const SECTIONS: readonly MenuSection[] = [
  { label: 'pingyi.menu.campaign', entries: [{ resource: 'campaigns' }] },
  { label: 'pingyi.menu.system', entries: [{ resource: 'users' }, { resource: 'auditLog' }] },
];

const AppLayout = createLayout(SECTIONS);

/** The Pingyi console: every resource and page, by role. */
export function App() {
  return (
    <Admin
      title="pingyi.app.title"
      dataProvider={providers.dataProvider}
      authProvider={providers.authProvider}
      i18nProvider={providers.i18nProvider}
      loginPage={LoginPage}
      layout={AppLayout}
      dashboard={HomePage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="campaigns" {...campaigns} />
      <Resource name="users" {...users} />
      <Resource name="auditLog" {...auditLog} />
    </Admin>
  );
}
