// The libraries from a consumer's project: the README's example as an ES module, every package
// imported from ESM and required from CommonJS, and tsc without skipLibCheck for node16 and bundler.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sh } from './run.mjs';

// A plugin strategy typed from the ESM copy of @pingyi/scoring, given to server-core's definePlugin:
// the types must be one and the same (server-core's ESM declarations import scoring's ESM ones).
const imports = (from) => `${from('{ defineScoringStrategy, Rational }', '@pingyi/scoring')}
${from('{ isPingyiError, PingyiError }', '@pingyi/domain')}
${from('{ definePlugin, SERVER_CORE_VERSION }', '@pingyi/server-core')}
${from('{ scoreWithStrategy, summarizeStandings }', '@pingyi/testing')}

const strategy = defineScoringStrategy({
  code: 'check/fixed',
  label: 'fixed',
  description: 'a fixed score',
  args: {},
  score: () => Rational.of(1, 2),
});
const plugin = definePlugin({ name: 'sdk-check-plugin', compatibility: '^' + SERVER_CORE_VERSION, strategies: [strategy] });
const standings = summarizeStandings(scoreWithStrategy(strategy, { tally: 'unit,level,count\\na,satisfied,1\\n' }));
if (standings[0]?.score !== 0.5) throw new Error('scored ' + JSON.stringify(standings));
if (!isPingyiError(new PingyiError('INVALID_POLICY', 'y'), 'INVALID_POLICY')) throw new Error('isPingyiError');
console.log('ok', plugin.name, standings[0]?.score);
`;

/** Writes the check files into `dir`/sdk-check and runs them; returns the tsc outputs (empty when clean). */
export async function checkLibraries(dir, readmeExample, env) {
  const at = join(dir, 'sdk-check');
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'readme.mts'), `${readmeExample}\n`);
  writeFileSync(
    join(at, 'imports.mts'),
    imports((names, pkg) => `import ${names} from '${pkg}';`),
  );
  writeFileSync(
    join(at, 'imports.cts'),
    imports((names, pkg) => `import ${names} from '${pkg}';`),
  );
  const base = { target: 'ES2022', strict: true, skipLibCheck: false, types: ['node'], noEmitOnError: true };
  writeFileSync(
    join(at, 'tsconfig.node16.json'),
    JSON.stringify(
      {
        compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16', outDir: 'out' },
        files: ['readme.mts', 'imports.mts', 'imports.cts'],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(at, 'tsconfig.bundler.json'),
    JSON.stringify(
      {
        compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
        files: ['readme.mts', 'imports.mts'],
      },
      null,
      2,
    ),
  );
  await sh('npx tsc -p tsconfig.node16.json', { cwd: at, env });
  await sh('npx tsc -p tsconfig.bundler.json', { cwd: at, env });
  const readme = await sh('node out/readme.mjs', { cwd: at, env });
  if (!/1\. legal-affairs 100/.test(readme) || !/PHASE_CLOSED|castBallot/.test(readme))
    throw new Error(`the README example printed:\n${readme}`);
  const esm = await sh('node out/imports.mjs', { cwd: at, env });
  const cjs = await sh('node out/imports.cjs', { cwd: at, env });
  for (const [what, output] of [
    ['ESM', esm],
    ['CJS', cjs],
  ])
    if (!/^ok sdk-check-plugin 0\.5/m.test(output)) throw new Error(`${what} imports printed:\n${output}`);
  return { readme: readme.trim().split('\n')[0] };
}
