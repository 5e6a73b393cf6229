import { describe, it } from 'vitest';
import { pgTestUrl, probePostgres } from './postgres';

/**
 * `describe` for tests that need PostgreSQL at `PG_TEST_URL`. When it is not
 * reachable the suite is skipped with a printed reason, except under `CI`,
 * where PostgreSQL is required and the suite fails instead.
 */
export function describeOnPostgres(name: string, suite: () => void, env: NodeJS.ProcessEnv = process.env): void {
  const url = pgTestUrl(env);
  const probe = probePostgres(url);
  if (probe.ok) {
    describe(`${name} [postgres]`, suite);
    return;
  }
  const where = url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    describe(`${name} [postgres]`, () => {
      it('needs PostgreSQL (required in CI)', () => {
        throw new Error(`CI is set but PostgreSQL at ${where} is unreachable: ${probe.reason}`);
      });
    });
    return;
  }
  console.warn(
    `Skipping "${name}" on PostgreSQL: ${where} is unreachable (${probe.reason}). Set PG_TEST_URL or start PostgreSQL to run it.`,
  );
  describe.skip(`${name} [postgres] (skipped: PostgreSQL unreachable)`, suite);
}
