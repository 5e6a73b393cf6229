import * as http from 'node:http';

/** A small round-robin HTTP proxy in front of several instances (tests only): what nginx does in docs/deploy.md. */
export interface RoundRobinProxy {
  readonly url: string;
  /** Requests each backend answered. */
  readonly served: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Sends each request to the next backend; a backend that refuses the
 * connection is skipped (the request never reached it, so another may take
 * it); one that fails mid-request answers 502 (not acknowledged). Sets
 * X-Forwarded-For from the client's own header, as a trusted proxy would.
 */
export async function startRoundRobinProxy(backends: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map(backends.map((backend) => [backend, 0]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number): void => {
        const backend = backends[next++ % backends.length] ?? '';
        const target = new URL(req.url ?? '/', backend);
        const headers = {
          ...req.headers,
          host: target.host,
          'content-length': String(body.length),
          'x-forwarded-for': String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? ''),
        };
        const upstream = http.request(target, { method: req.method, headers }, (answer) => {
          served.set(backend, (served.get(backend) ?? 0) + 1);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && tries < backends.length) return attempt(tries + 1);
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`bad gateway: ${error.code ?? error.message}`);
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
