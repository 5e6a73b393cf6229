import { Socket } from 'node:net';

/** The Redis the throttle tests use: `REDIS_TEST_URL`, else the local default. */
export const redisTestUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether a Redis answers at `url` (a TCP connect within a second). Under `CI`
 * an unreachable Redis throws instead: the Redis tests are required there,
 * and skip with a printed reason only on a bare machine.
 */
export async function redisAvailable(
  url: string = redisTestUrl(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
  if (!reachable && env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error(`CI is set but Redis at ${url} is unreachable (the Redis tests are required in CI)`);
  }
  return reachable;
}
