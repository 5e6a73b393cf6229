import { createAuthProvider } from './auth/auth-provider';
import { memoryStorage, Session } from './auth/session';
import { reloadAtLogin } from './auth/signed-out-start';
import { campaignScope } from './campaigns/campaign-scope';
import { createDataProvider } from './data/data-provider';
import { GraphqlClient } from './data/graphql-client';
import { createI18nProvider, errorTranslator } from './i18n/i18n-provider';
import { RESOURCE_DESCRIPTORS } from './resources';

function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

/** The console's providers, wired once: i18n, the session, one GraphQL client, data and auth. */
export function createProviders() {
  const i18nProvider = createI18nProvider();
  const session = new Session(browserStorage());
  const client = new GraphqlClient({ getToken: () => session.token(), translate: errorTranslator(i18nProvider) });
  return {
    i18nProvider,
    session,
    dataProvider: createDataProvider(client, RESOURCE_DESCRIPTORS, () => ({ campaignId: campaignScope.get() })),
    authProvider: createAuthProvider(client, session, reloadAtLogin),
  };
}
