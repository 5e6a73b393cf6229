/** Where a signed-out visitor's first page load goes, and where the login page sends them on afterwards. */
export interface SignedOutStart {
  /** The address to show instead (the login route). */
  readonly hash: '#/login';
  /** The page asked for, which react-admin opens after sign-in (its login reads `nextPathname` / `nextSearch`). */
  readonly nextPathname: string;
  readonly nextSearch: string;
}

/**
 * The login route for a signed-out visitor who opened any other console
 * address, or null when the address may be shown as it is (the login page
 * itself, or a signed-in session).
 *
 * react-admin's own redirect (LogoutOnMount under `requireAuth`) clears the
 * query cache and navigates in a react-router 7 transition, which the cleared
 * auth check interrupts again and again: the page stays blank for seconds
 * before the login form appears (marmelab/react-admin#10885). Going to the
 * login route before the router starts avoids that loop.
 */
export function signedOutStart(hash: string, signedIn: boolean): SignedOutStart | null {
  if (signedIn) return null;
  const route = hash.replace(/^#/, '') || '/';
  const [pathname = '/', search = ''] = route.split(/(?=\?)/);
  if (pathname === '/login') return null;
  return { hash: '#/login', nextPathname: pathname === '/' ? '' : pathname, nextSearch: search };
}

/** Applies `signedOutStart` to the address shown, in the history entry format react-router's hash history reads. */
function showLoginWhenSignedOut(signedIn: boolean): void {
  const start = signedOutStart(window.location.hash, signedIn);
  if (!start) return;
  const state = { usr: { nextPathname: start.nextPathname, nextSearch: start.nextSearch }, key: 'default', idx: 0 };
  window.history.replaceState(state, '', start.hash);
}

/**
 * Before the router starts: a signed-out visitor of a console page is shown
 * the login route, on this page load and on every address typed later (the
 * listener runs before the router's, which then reads the login route).
 */
export function startSignedOutAtLogin(signedIn: () => boolean): void {
  showLoginWhenSignedOut(signedIn());
  window.addEventListener('popstate', () => showLoginWhenSignedOut(signedIn()));
  window.addEventListener('hashchange', () => showLoginWhenSignedOut(signedIn()));
}

const SESSION_LOST = 'pingyi.sessionLost';

/**
 * A session the server no longer accepts (expired or revoked): the page is
 * loaded again at the login route, which says why and opens the page the
 * user was on after sign-in. A fresh load also drops every record the
 * previous session had cached.
 */
export function reloadAtLogin(): void {
  try {
    window.sessionStorage.setItem(SESSION_LOST, '1');
  } catch {
    // no sessionStorage: the login page shows without the reason
  }
  showLoginWhenSignedOut(false);
  window.location.reload();
}

let sessionLostOnThisLoad: boolean | undefined;

/** Whether this page load follows a lost session: read from storage once, then kept for the load (the login page remounts when its language changes). */
export function sessionLostOnLoad(): boolean {
  if (sessionLostOnThisLoad === undefined) {
    try {
      sessionLostOnThisLoad = window.sessionStorage.getItem(SESSION_LOST) === '1';
      window.sessionStorage.removeItem(SESSION_LOST);
    } catch {
      sessionLostOnThisLoad = false;
    }
  }
  return sessionLostOnThisLoad;
}
