import { type NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { type PingyiConfig } from '../config/pingyi-config';
import { GRAPHQL_PATH } from '../graphql/graphql-options';

type Directives = Record<string, Iterable<string> | null>;

/**
 * The console (a Vite build: scripts and styles from /assets), the public
 * ballot page and the API: everything from this origin; inline styles are
 * allowed because MUI (emotion) writes its styles into `<style>` tags at run
 * time; no inline script, no plugin, never framed.
 */
export const CONSOLE_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // a LAN deployment on plain HTTP would break if the browser upgraded every asset to https
  'upgrade-insecure-requests': null,
};

/** Apollo's landing page (Sandbox) at GET /graphql outside production: its scripts and frame come from Apollo's CDN. */
const SANDBOX_CSP: Directives = {
  ...CONSOLE_CSP,
  'script-src': [
    "'self'",
    "'unsafe-inline'",
    'https://embeddable-sandbox.cdn.apollographql.com',
    'https://embeddable-explorer.cdn.apollographql.com',
  ],
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
  'img-src': ["'self'", 'data:', 'blob:', 'https://apollo-server-landing-page.cdn.apollographql.com'],
  'frame-src': ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
  'manifest-src': ["'self'", 'https://apollo-server-landing-page.cdn.apollographql.com'],
};

/** A year of HTTPS-only, sent only on requests that came over TLS (directly, or per a trusted proxy's X-Forwarded-Proto). */
export const HSTS = 'max-age=31536000; includeSubDomains';

interface RequestLike {
  readonly method: string;
  readonly path: string;
  readonly secure: boolean;
}
interface ResponseLike {
  setHeader(name: string, value: string): void;
}
type Middleware = (req: RequestLike, res: ResponseLike, next: (error?: unknown) => void) => void;

/**
 * Security headers on every response (helmet): the CSP above, `nosniff`,
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, same-origin
 * opener and resource policies; HSTS only behind TLS.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: PingyiConfig): void {
  app.disable('x-powered-by');
  const common = {
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' as const },
  };
  app.use(helmet(common));
  const consoleCsp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: CONSOLE_CSP,
  }) as unknown as Middleware;
  const sandboxCsp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: SANDBOX_CSP,
  }) as unknown as Middleware;
  const sandboxOpen = config.nodeEnv !== 'production';
  app.use((req: RequestLike, res: ResponseLike, next: (error?: unknown) => void) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    const sandbox = sandboxOpen && req.method === 'GET' && req.path === GRAPHQL_PATH;
    (sandbox ? sandboxCsp : consoleCsp)(req, res, next);
  });
}
