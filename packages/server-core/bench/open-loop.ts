// An open-loop load generator: request i is sent at start + i / rate seconds,
// whatever happened to the earlier ones, and its latency counts from that
// moment (a request waiting for a free connection is late, not uncounted).
// autocannon's fixed rate splits the rate over its connections and sends each
// connection's requests at the same instants: at 200/s over 100 connections
// that is 100 requests at once every half second, so its p99 measured the
// time to drain a burst of 100, not a rate of 200/s. Arrivals spread evenly
// are what independent evaluators make. Hand-written because no maintained
// Node library sends a fixed, evenly spaced arrival rate over keep-alive
// connections (autocannon, undici's bench tools and k6 do not, or are not npm packages).
import * as http from 'node:http';

export interface OpenLoopResult {
  /** Requests sent. */
  readonly sent: number;
  /** Answers with status 200 that `accept` took. */
  readonly ok: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  /** Wall-clock seconds from the first send to the last answer. */
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

/**
 * Sends `rate × seconds` POSTs to `url` (JSON `body(i)`), evenly spaced, over
 * at most `connections` keep-alive connections; `accept` tells a success from
 * the answer's body. Latencies in milliseconds.
 */
export async function openLoop(options: {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly body: (i: number) => string;
  readonly accept: (body: string) => boolean;
  readonly timeoutMs?: number;
}): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const gap = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const start = performance.now();
  const send = (i: number, due: number): Promise<void> =>
    new Promise((resolve) => {
      const payload = options.body(i);
      const request = http.request(
        options.url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          timeout: options.timeoutMs ?? 20_000,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if (response.statusCode === 200 && options.accept(text)) ok += 1;
            else {
              failed += 1;
              firstFailure ??= `${response.statusCode} ${text.slice(0, 300)}`;
            }
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => {
        failed += 1;
        firstFailure ??= error.message;
        resolve();
      });
      request.end(payload);
    });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total;) {
    const now = performance.now() - start;
    // send everything due by now (a timer fires late on a busy machine), then sleep to the next
    while (i < total && i * gap <= now) {
      pending.push(send(i, start + i * gap));
      i += 1;
    }
    if (i < total)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, i * gap - (performance.now() - start))));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok,
    failed,
    firstFailure,
    seconds,
    p50: Math.round(percentile(sorted, 0.5)),
    p99: Math.round(percentile(sorted, 0.99)),
  };
}
