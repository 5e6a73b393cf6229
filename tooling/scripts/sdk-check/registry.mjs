// A registry for the @pingyi scope only, serving the packed tarballs: what a department's
// private registry (or npmjs once published) does. Every other package comes from npm's cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';

/** `packages`: [{ manifest (package.json), tarball (path) }]. Resolves with { url, close }. */
export function startScopeRegistry(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]));
  const files = new Map(packages.map((pkg) => [basename(pkg.tarball), readFileSync(pkg.tarball)]));
  let base = '';
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname).slice(1);
    if (path.startsWith('-/tarballs/') && files.has(path.slice('-/tarballs/'.length))) {
      response
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(files.get(path.slice('-/tarballs/'.length)));
      return;
    }
    const pkg = byName.get(path);
    if (!pkg) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const data = files.get(basename(pkg.tarball));
    const { version } = pkg.manifest;
    const dist = {
      tarball: `${base}-/tarballs/${basename(pkg.tarball)}`,
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
      shasum: createHash('sha1').update(data).digest('hex'),
    };
    const packument = {
      name: pkg.manifest.name,
      'dist-tags': { latest: version },
      versions: { [version]: { ...pkg.manifest, _id: `${pkg.manifest.name}@${version}`, dist } },
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${server.address().port}/`;
      resolve({
        url: base,
        // npm keeps its connections alive: end them, or close would wait for their timeout
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}
