// Bundle-size benchmark: builds the console and a bare react-admin shell with
// no resources (bench/shell.html) with the same Vite configuration, then
// reports the gzipped JavaScript each makes the browser download before the
// first screen, and the ratio. Writes reports/bundle-size.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, 'dist-bench');

async function buildInto(name, input) {
  const outDir = path.join(out, name);
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, rollupOptions: { input: path.join(root, input) } },
  });
  return { outDir, manifest: JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) };
}

const gzipSize = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The chunk of `key` and every chunk it imports statically. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

/**
 * JavaScript the browser downloads before the first screen: the entry with
 * its static imports, plus the dynamic imports the entry always takes for
 * this page (the console's App; not the ballot page, which is another page).
 */
function initialJs({ outDir, manifest }, entryKey, alwaysLoaded = []) {
  const keys = closure(manifest, entryKey);
  for (const dynamic of alwaysLoaded) closure(manifest, dynamic, keys);
  const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  return {
    files,
    bytes: files.reduce((sum, file) => sum + fs.statSync(path.join(outDir, file)).size, 0),
    gzip: files.reduce((sum, file) => sum + gzipSize(path.join(outDir, file)), 0),
  };
}

function lazyChunks({ outDir, manifest }, initial) {
  return Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js') && !initial.has(chunk.file) && chunk.isDynamicEntry)
    .map((chunk) => ({ name: chunk.name ?? chunk.src, gzip: gzipSize(path.join(outDir, chunk.file)) }))
    .sort((a, b) => b.gzip - a.gzip);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const started = Date.now();
const app = await buildInto('app', 'index.html');
const shell = await buildInto('shell', 'bench/shell.html');
const appInitial = initialJs(app, 'index.html', ['src/App.tsx']);
const shellInitial = initialJs(shell, 'bench/shell.html');
const ballotInitial = initialJs(app, 'index.html', ['src/public-ballot/index.ts']);
const lazy = lazyChunks(app, new Set(appInitial.files));
const report = {
  measuredAt: new Date().toISOString(),
  console: { gzip: appInitial.gzip, raw: appInitial.bytes, files: appInitial.files.length },
  shell: { gzip: shellInitial.gzip, raw: shellInitial.bytes, files: shellInitial.files.length },
  ratio: Number((appInitial.gzip / shellInitial.gzip).toFixed(3)),
  ballotPage: { gzip: ballotInitial.gzip, raw: ballotInitial.bytes },
  lazyChunks: lazy,
  buildMs: Date.now() - started,
};
fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
fs.writeFileSync(path.join(root, 'reports', 'bundle-size.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('Initial JavaScript before the first screen (gzip -9):');
console.log(
  `  console (every resource and page)   ${kb(report.console.gzip).padStart(10)}   (${kb(report.console.raw)} raw, ${report.console.files} files)`,
);
console.log(
  `  bare react-admin shell, no resources ${kb(report.shell.gzip).padStart(10)}   (${kb(report.shell.raw)} raw, ${report.shell.files} files)`,
);
console.log(`  ratio console / shell                ${report.ratio.toFixed(3).padStart(10)}`);
console.log(`  public ballot page (/vote, #/ballot) ${kb(report.ballotPage.gzip).padStart(10)}`);
console.log('Loaded on demand (gzip):');
for (const chunk of lazy) console.log(`  ${chunk.name.padEnd(36)} ${kb(chunk.gzip).padStart(10)}`);
