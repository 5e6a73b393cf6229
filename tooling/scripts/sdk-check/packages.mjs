// Packing the publishable packages and linting the tarballs (publint, @arethetypeswrong/cli).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sh } from './run.mjs';

/** The packages a plugin author or library user installs, in dependency order. */
export const PUBLISHED = [
  'packages/domain',
  'packages/csv',
  'packages/omr',
  'packages/scoring',
  'packages/server-core',
  'packages/testing',
  'apps/cli',
];

/** Packs each package into `into`; returns [{ dir, manifest, tarball, size, unpackedSize, files }]. */
export async function packAll(root, into, env) {
  const packed = [];
  for (const dir of PUBLISHED) {
    const cwd = join(root, dir);
    const [info] = JSON.parse(await sh(`npm pack --json --pack-destination "${into}"`, { cwd, env, quiet: true }));
    const files = info.files.map((file) => file.path);
    for (const required of ['README.md', 'LICENSE', 'package.json']) {
      if (!files.includes(required)) throw new Error(`${dir}: the tarball lacks ${required}`);
    }
    packed.push({
      dir,
      manifest: JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')),
      tarball: join(into, info.filename),
      size: info.size,
      unpackedSize: info.unpackedSize,
      files,
    });
  }
  return packed;
}

/** No sibling range may be "*": a consumer must get versions that were made together. */
export function checkRanges(packed) {
  for (const { dir, manifest } of packed) {
    for (const field of ['dependencies', 'peerDependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (name.startsWith('@pingyi/') && !/^\^\d+\.\d+\.\d+$/.test(range))
          throw new Error(`${dir}: ${field}.${name} is "${range}", not a caret range`);
      }
    }
  }
}

/** publint's messages (every level, strict) for each tarball and attw's problems for each library; throws on any. */
export async function lintTarballs(root, packed, env) {
  const require = createRequire(join(root, 'package.json'));
  const { publint } = await import(require.resolve('publint'));
  const attw = require.resolve('@arethetypeswrong/cli/package.json').replace(/package\.json$/, 'dist/index.js');
  const results = [];
  for (const pkg of packed) {
    const data = readFileSync(pkg.tarball);
    const { messages } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    let attwProblems = [];
    // attw judges a library's types; the CLI (a bin, no exports) has none to judge
    if (pkg.manifest.exports) {
      try {
        const report = JSON.parse(
          await sh(`node "${attw}" "${pkg.tarball}" --format json`, { cwd: root, env, quiet: true }),
        );
        attwProblems = report.problems ?? [];
      } catch (error) {
        // attw exits 1 when it finds problems; its JSON is still the output
        attwProblems = JSON.parse(error.output ?? '{"problems":["attw did not run"]}').problems ?? ['attw failed'];
      }
    }
    // attw's JSON lists problems as an array or as an object keyed by kind
    const attwList = Array.isArray(attwProblems)
      ? attwProblems.map((p) => p.kind ?? String(p))
      : Object.keys(attwProblems);
    results.push({ name: pkg.manifest.name, publint: messages.map((m) => `${m.type} ${m.code}`), attw: attwList });
  }
  const bad = results.filter((result) => result.publint.length > 0 || result.attw.length > 0);
  if (bad.length > 0) throw new Error(`publint / attw found problems: ${JSON.stringify(bad)}`);
  return results;
}
