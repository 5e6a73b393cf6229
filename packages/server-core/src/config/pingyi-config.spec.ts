import { describe, expect, it } from 'vitest';
import { assertConfigSafe, loadConfig, redactUrl } from './pingyi-config';

const SECRET = 'a-production-secret-0123456789abcdef';
// production requires PINGYI_SECRET; the other tests of production give one
const load = (env: Record<string, string>) =>
  loadConfig(env.NODE_ENV === 'production' && !('PINGYI_SECRET' in env) ? { PINGYI_SECRET: SECRET, ...env } : env, {
    cwd: '/srv/pingyi',
  });

describe('loadConfig', () => {
  it('runs on a fresh machine with no environment: SQLite in ./data, port 3000, demo on', () => {
    const config = load({});
    expect(config.database).toEqual({ type: 'sqlite', file: '/srv/pingyi/data/pingyi.sqlite' });
    expect(config).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      demo: true,
      introspection: true,
      smallCellK: 5,
      tokenTtlSeconds: 43200,
      synchronize: false,
      trustProxy: false,
      host: '127.0.0.1',
      anonymousRatePerMinute: 600,
    });
  });

  it('in production loads no demo unless PINGYI_DEMO=1, and listens on every interface unless HOST says otherwise', () => {
    expect(load({ NODE_ENV: 'production' })).toMatchObject({ demo: false, host: '0.0.0.0' });
    expect(load({ NODE_ENV: 'production', PINGYI_DEMO: '1', HOST: '127.0.0.1' })).toMatchObject({
      demo: true,
      host: '127.0.0.1',
    });
    expect(load({ HOST: '::' }).host).toBe('::');
  });

  it('runs 2 pieces of background work at once by default, and none on an instance that only answers requests', () => {
    expect(load({}).workers).toBe(2);
    expect(load({ PINGYI_WORKERS: '0', REDIS_URL: 'redis://10.0.0.6:6379' }).workers).toBe(0);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(load({ DATABASE_URL: 'postgres://u:p@db:5432/pingyi' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/pingyi',
    });
  });

  it('reads replicas from DATABASE_READ_URLS beside a PostgreSQL DATABASE_URL, and refuses them on SQLite', () => {
    expect(
      load({
        DATABASE_URL: 'postgres://u:p@db:5432/pingyi',
        DATABASE_READ_URLS: 'postgres://u:p@standby1:5432/pingyi, postgres://u:p@standby2:5432/pingyi',
      }).database,
    ).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/pingyi',
      readUrls: ['postgres://u:p@standby1:5432/pingyi', 'postgres://u:p@standby2:5432/pingyi'],
    });
    expect(() => load({ DATABASE_READ_URLS: 'postgres://u:p@standby1:5432/pingyi' })).toThrow(
      /DATABASE_READ_URLS: needs DATABASE_URL/,
    );
    expect(() =>
      load({ DATABASE_URL: 'postgres://u:p@db:5432/pingyi', DATABASE_READ_URLS: 'postgres://u:secret@standby1:5432' }),
    ).toThrow(/DATABASE_READ_URLS: must name a database.*u:\*\*\*@/);
  });

  it('turns introspection off in production unless PINGYI_INTROSPECTION=1', () => {
    expect(load({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(load({ NODE_ENV: 'production', PINGYI_INTROSPECTION: '1' }).introspection).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT: must be an integer between 0 and 65535, got "abc"/],
    ['PORT', '70000', /PORT: must be an integer/],
    ['DATABASE_URL', 'mysql://x@h/db', /DATABASE_URL: must start with postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL: must be a URL/],
    ['DATABASE_URL', 'postgres://u:secret@h:5432', /DATABASE_URL: must name a database.*u:\*\*\*@/],
    ['PINGYI_DEMO', 'maybe', /PINGYI_DEMO: must be one of 1, true/],
    ['PINGYI_TOKEN_TTL', '12 hours', /PINGYI_TOKEN_TTL: must be a duration/],
    ['PINGYI_TOKEN_TTL', '10s', /PINGYI_TOKEN_TTL: must be between 1 minute and 90 days/],
    ['PINGYI_SMALL_CELL_K', '0', /PINGYI_SMALL_CELL_K: must be an integer between 1 and 1000/],
    ['PINGYI_ADMIN_PASSWORD', 'short', /PINGYI_ADMIN_PASSWORD: must be 12 to 200 characters, got 5, got "\*\*\*"/],
    ['PINGYI_ADMIN_PASSWORD', 'password1234', /PINGYI_ADMIN_PASSWORD: is one of the most common passwords/],
    ['HOST', 'exa mple', /HOST: must be an IP address/],
    ['PINGYI_ANON_RATE', 'lots', /PINGYI_ANON_RATE: must be an integer/],
    [
      'PINGYI_TRUST_PROXY',
      '1',
      /PINGYI_TRUST_PROXY: must list the addresses or subnets of your reverse proxies.*a hop count/,
    ],
    ['PINGYI_TRUST_PROXY', 'true', /PINGYI_TRUST_PROXY: must list the addresses/],
    ['PINGYI_TRUST_PROXY', '10.0.0.0/33', /PINGYI_TRUST_PROXY: "10.0.0.0\/33" is not an IP address/],
    ['PINGYI_SECRET', 'too-short', /PINGYI_SECRET: must be at least 32 characters/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL: must start with redis:\/\//],
    ['NODE_ENV', 'staging', /NODE_ENV: must be production, development or test/],
    ['PINGYI_TRUST_PROXY', 'perhaps', /PINGYI_TRUST_PROXY: "perhaps" is not an IP address/],
    ['PINGYI_WORKERS', '0', /PINGYI_WORKERS: may be 0 only with REDIS_URL/],
    ['PINGYI_WORKERS', '65', /PINGYI_WORKERS/],
  ])('refuses %s=%s with a message naming the variable', (variable, value, message) => {
    expect(() => load({ [variable]: value })).toThrow(message);
  });

  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43200],
    ['7d', 604800],
    ['3600', 3600],
  ])('reads PINGYI_TOKEN_TTL=%s as %i seconds', (raw, seconds) => {
    expect(load({ PINGYI_TOKEN_TTL: raw }).tokenTtlSeconds).toBe(seconds);
  });

  it('resolves PINGYI_DATA_DIR and PINGYI_CONSOLE_DIR against the working directory', () => {
    const config = load({ PINGYI_DATA_DIR: 'var/db', PINGYI_CONSOLE_DIR: '../console/dist' });
    expect(config.dataDir).toBe('/srv/pingyi/var/db');
    expect(config.consoleDir).toBe('/srv/console/dist');
  });

  it('reads PINGYI_TRUST_PROXY as a list of proxy addresses and subnets, or off', () => {
    expect(load({ PINGYI_TRUST_PROXY: 'loopback, 10.0.0.5,10.1.0.0/16, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
    ]);
    expect(load({ PINGYI_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(load({ PINGYI_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('refuses to start in production without PINGYI_SECRET, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^PINGYI_SECRET: is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', PINGYI_SECRET: ' ' })).toThrow(/PINGYI_SECRET: is required/);
    expect(loadConfig({ NODE_ENV: 'production', PINGYI_SECRET: SECRET }).secret).toBe(SECRET);
    expect(loadConfig({ NODE_ENV: 'development' }).secret).toBeUndefined();
  });

  it('refuses schema synchronize in production', () => {
    expect(() => assertConfigSafe({ ...load({ NODE_ENV: 'production' }), synchronize: true })).toThrow(
      /synchronize.*refused in production/,
    );
    expect(() => assertConfigSafe({ ...load({ NODE_ENV: 'test' }), synchronize: true })).not.toThrow();
  });

  it('hides passwords of connection URLs', () => {
    expect(redactUrl('postgres://pingyi:s3cret@db:5432/x')).toBe('postgres://pingyi:***@db:5432/x');
  });
});
