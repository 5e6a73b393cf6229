import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_CORE_VERSION } from './server-version';

/** One loaded copy of `@pingyi/server-core`: its version and the file it was loaded from. */
export interface ServerCoreCopy {
  readonly version: string;
  readonly file: string;
}

// Every copy of this package pushes itself onto one list shared by the whole process
// (Symbol.for is the same in every copy), so a second copy, loaded through a
// plugin's own node_modules or bundled into its build, is seen by the first.
const REGISTRY = Symbol.for('pingyi.server-core.copies');
const holder = globalThis as { [REGISTRY]?: ServerCoreCopy[] };
const copies: ServerCoreCopy[] = (holder[REGISTRY] ??= []);

/** This copy (the server's, for the code that runs it). */
export const THIS_SERVER_CORE: ServerCoreCopy = { version: SERVER_CORE_VERSION, file: __filename };
// (the same file evaluated again, as test runners do, is the same copy)
if (!copies.some((copy) => copy.file === __filename)) copies.push(THIS_SERVER_CORE);

/** Every copy of `@pingyi/server-core` loaded in this process, in load order. */
export function loadedServerCoreCopies(): readonly ServerCoreCopy[] {
  return [...copies];
}

/** The folder of the package a copy was loaded from (its nearest package.json), or the file's folder. */
export function packageDirOf(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

/**
 * The one-line refusal when loading `what` (a plugin) brought copies of
 * server-core other than the first: names the plugin, where it is, where the
 * second copy is, and the fix. Undefined when no new copy was loaded.
 */
export function secondCopyProblem(what: string, since: number): string | undefined {
  const [first] = copies;
  const added = copies.slice(since).find((copy) => copy !== first);
  if (!first || !added) return undefined;
  const dir = packageDirOf(added.file);
  const bundled =
    !/[\\/]node_modules[\\/]@pingyi[\\/]server-core$/.test(dir) && !dir.endsWith(`${path.sep}server-core`);
  const fix = bundled
    ? `make @pingyi/server-core external in the plugin's build (a peerDependency, never bundled) and rebuild it`
    : `declare @pingyi/server-core in the plugin's peerDependencies, not dependencies, and install the plugin from its package (npm pack, then npm install ./<the .tgz>) rather than from its folder, or delete ${dir}`;
  return `${what} loads a second copy of @pingyi/server-core (${added.version}, from ${dir}) besides the server's (${first.version}, from ${packageDirOf(first.file)}); a server cannot run two copies: ${fix}`;
}
