#!/usr/bin/env node
// The SDK from outside the monorepo, as docs/plugins.md and the README tell it: packs every
// publishable package, lints the tarballs (publint, attw), serves them as the @pingyi scope's
// registry, and in a fresh folder under the OS temp dir runs the docs' commands exactly as
// written (npm resolves every other package from its local cache first: prefer-offline),
// checks the scaffold's files are the docs' blocks, runs the README's library example and
// imports from ESM and CommonJS with tsc (node16 and bundler, no skipLibCheck), then previews
// standings through the plugin's strategy on the server `pingyi serve --plugin .` started, and
// again on a deployment that installed the packed plugin next to @pingyi/server-core.
//
//   node tooling/scripts/sdk-check.mjs [--keep]      exit 0 ok, 1 failed, 3 skipped (reason printed)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandsOf, markedBlocks } from './sdk-check/docs.mjs';
import { checkLibraries } from './sdk-check/libraries.mjs';
import { checkRanges, lintTarballs, packAll, PUBLISHED } from './sdk-check/packages.mjs';
import { startScopeRegistry } from './sdk-check/registry.mjs';
import { cleanEnv, sh, start } from './sdk-check/run.mjs';
import { checkServer } from './sdk-check/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const keep = process.argv.includes('--keep');
const log = (line) => process.stdout.write(`sdk-check: ${line}\n`);
const SKIP = 3;
// npm cannot reach the registry for a package its cache lacks: something external is missing.
const UNREACHABLE = /ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network request/;

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

async function main() {
  for (const dir of PUBLISHED)
    if (!existsSync(join(root, dir, 'dist')))
      throw new Error(`${dir}/dist is missing: build first (npx turbo run build)`);
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'pingyi-sdk-'));
  const figures = { work };
  let registry;
  let server;
  try {
    const tarballs = join(work, 'tarballs');
    mkdirSync(tarballs);
    const env = cleanEnv();
    const packed = await packAll(root, tarballs, env);
    checkRanges(packed);
    figures.tarballs = packed.map(({ manifest, size, unpackedSize, files }) => ({
      name: manifest.name,
      size,
      unpackedSize,
      files: files.length,
    }));
    log(`packed ${packed.map(({ manifest, size }) => `${manifest.name} ${(size / 1024).toFixed(0)} kB`).join(', ')}`);
    figures.lint = await lintTarballs(root, packed, env);
    log(`publint (all) and attw (the libraries): no problems in ${figures.lint.map(({ name }) => name).join(', ')}`);

    registry = await startScopeRegistry(packed);
    const userConfig = join(work, 'npmrc');
    const existing = existsSync(join(homedir(), '.npmrc')) ? readFileSync(join(homedir(), '.npmrc'), 'utf8') : '';
    writeFileSync(userConfig, `${existing}\n@pingyi:registry=${registry.url}\n`);
    const npmEnv = cleanEnv({
      NPM_CONFIG_USERCONFIG: userConfig,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_yes: 'true',
    });

    const docs = markedBlocks(join(root, 'docs/plugins.md'));
    const [readme] = markedBlocks(join(root, 'README.md')).filter((block) => block.kind === 'esm');
    if (!readme) throw new Error('README.md has no <!-- sdk-check: esm --> block');
    const [query] = docs.filter((block) => block.kind === 'query');

    const runs = docs.filter((block) => block.kind === 'run');
    if (runs.length !== 2)
      throw new Error(
        `docs/plugins.md has ${runs.length} <!-- sdk-check: run --> blocks, not 2 (the author's, the deployment's)`,
      );
    const folder = join(work, 'empty-folder');
    mkdirSync(folder);
    figures.commands = [];
    // Runs a block's commands from `cwd`; its last command serves and is left running. Returns the folder it ended in.
    const runBlock = async (block, from, afterBuild) => {
      let cwd = from;
      const commands = commandsOf(block);
      for (const [i, command] of commands.entries()) {
        const at = Date.now();
        const cd = /^cd\s+(\S+)$/.exec(command);
        if (cd) {
          cwd = resolve(cwd, cd[1]);
        } else if (i === commands.length - 1) {
          const port = await freePort();
          const serveEnv = {
            ...npmEnv,
            PORT: String(port),
            HOST: '127.0.0.1',
            NODE_ENV: 'development',
            PINGYI_DATA_DIR: join(cwd, 'data'),
            PINGYI_ADMIN_PASSWORD: 'sdk-check Admin 2026 pass',
            DATABASE_URL: '',
          };
          server = await start(command, {
            cwd,
            env: serveEnv,
            ready: /Pingyi is running at (http:\/\/\S+?)\/ /,
            timeout: 180_000,
          });
        } else {
          try {
            await sh(command, { cwd, env: npmEnv });
          } catch (error) {
            if (/^np[mx] /.test(command) && UNREACHABLE.test(error.output ?? '')) {
              throw Object.assign(new Error('unreachable'), {
                skip: `\`${command}\` needs a package that is neither in npm's cache nor reachable (${UNREACHABLE.exec(error.output)[0]}); run once with network access`,
              });
            }
            throw error;
          }
        }
        figures.commands.push({ command, seconds: Math.round((Date.now() - at) / 100) / 10 });
        log(`$ ${command}  (${figures.commands.at(-1).seconds} s)`);
        if (command === 'npm run build') await afterBuild(cwd);
      }
      return cwd;
    };
    const checkServed = async (pluginDir, what) => {
      const url = server.match[1].replace('localhost', '127.0.0.1');
      const checked = await checkServer(url, pluginDir, query.text, 'acme/median');
      log(
        `${what} at ${url}: ${checked.strategy.code} listed with args ${checked.strategy.args.join(', ')}; previewStandings scored ${checked.units} units`,
      );
      await server.stop();
      server = undefined;
      return checked;
    };

    let pluginDir;
    try {
      pluginDir = await runBlock(runs[0], folder, async (cwd) => {
        for (const block of docs.filter((b) => b.kind === 'file')) {
          const written = readFileSync(join(cwd, block.arg), 'utf8').trimEnd();
          if (written !== block.text.trimEnd())
            throw new Error(
              `docs/plugins.md's ${block.arg} is not what plugin init writes:\n--- docs\n${block.text}\n--- written\n${written}`,
            );
        }
        log(`the docs' ${docs.filter((b) => b.kind === 'file').length} file blocks are the scaffold's files`);
        figures.libraries = await checkLibraries(cwd, readme.text, npmEnv);
        log('the README example, ESM and CommonJS imports, tsc node16 and bundler (no skipLibCheck): ok');
      });
      figures.server = await checkServed(pluginDir, 'pingyi serve --plugin .');
      await runBlock(runs[1], pluginDir, async () => {});
      figures.deployment = await checkServed(pluginDir, 'the deployment');
    } catch (error) {
      if (error.skip) return { skip: error.skip };
      throw error;
    }
    figures.seconds = Math.round((Date.now() - started) / 1000);
    return { ok: true, figures };
  } finally {
    await server?.stop();
    await registry?.close();
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (result) => {
    if (result.skip) {
      process.stdout.write(`SKIP: ${result.skip}\n`);
      process.exit(SKIP);
    }
    const out = join(root, 'tooling/reports/sdk-check.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result.figures, null, 2)}\n`);
    log(`ok in ${result.figures.seconds} s (figures in tooling/reports/sdk-check.json)`);
  },
  (error) => {
    process.stderr.write(`sdk-check: FAILED: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
