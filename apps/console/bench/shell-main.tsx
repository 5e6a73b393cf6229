// The baseline of the bundle-size measurement: the same react-admin shell as
// the console (providers, i18n, login page, layout, theme) with no resources
// and no pages. `npm run bench` compares the console's initial JavaScript with it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Admin } from 'react-admin';
import { createLayout } from '../src/layout/AppLayout';
import { LoginPage } from '../src/layout/LoginPage';
import { theme } from '../src/layout/theme';
import { createProviders } from '../src/providers';

const providers = createProviders();
const Layout = createLayout([]);

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Admin
      dataProvider={providers.dataProvider}
      authProvider={providers.authProvider}
      i18nProvider={providers.i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      theme={theme}
      requireAuth
      disableTelemetry
    />
  </StrictMode>,
);
