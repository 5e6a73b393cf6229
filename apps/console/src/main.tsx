import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

// The public ballot page (/vote, #/vote, #/ballot; `#code=…` after them from a slip's QR) does without the console:
// evaluators download neither react-admin nor the admin pages.
const isBallotPage =
  /^#\/(ballot|vote)(\?|#|$)/.test(window.location.hash) || /^\/vote\/?$/.test(window.location.pathname);
const Root = lazy(() =>
  isBallotPage ? import('./public-ballot') : import('./App').then((module) => ({ default: module.App })),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense
      fallback={
        <div
          style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center', color: '#666' }}
        >
          …
        </div>
      }
    >
      <Root />
    </Suspense>
  </StrictMode>,
);
