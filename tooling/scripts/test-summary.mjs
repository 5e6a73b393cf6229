// Sums the vitest JSON reports of every workspace into one closing line:
// "N passed, N failed, N skipped", then what the tests cover: how many
// behaviours (a test written once; the cases of a table, or a suite run on
// both databases, are one behaviour) and, where coverage ran, the lines of
// each package's src that its tests ran. Exits non-zero if any test failed or none ran.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const workspaces = [
  join(root, 'tooling'), // the SDK check (tooling/test)
  ...['packages', 'plugins', 'apps'].flatMap((dir) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
  ),
];

let passed = 0;
let failed = 0;
let skipped = 0;
const behaviours = new Set();
const covered = [];
for (const workspace of workspaces) {
  const report = join(workspace, 'reports', 'vitest.json');
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      // one place in the source is one behaviour, however many rows or databases run it
      const at = test.location ? `${test.location.line}:${test.location.column}` : test.fullName;
      behaviours.add(`${file.name}#${at}`);
    }
  }
  const summary = join(workspace, 'reports', 'coverage', 'coverage-summary.json');
  if (existsSync(summary)) {
    const lines = JSON.parse(readFileSync(summary, 'utf8')).total?.lines;
    if (lines?.total > 0) covered.push({ name: basename(workspace), ...lines });
  }
}
const ran = passed + failed;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
console.log(
  `${behaviours.size} behaviours tested; the other ${Math.max(0, ran - behaviours.size)} tests that ran are cases of a table or the same suite on another database`,
);
if (covered.length > 0) {
  const all = covered.reduce(
    (sum, entry) => ({ covered: sum.covered + entry.covered, total: sum.total + entry.total }),
    { covered: 0, total: 0 },
  );
  const each = covered.map((entry) => `${entry.name} ${entry.pct}%`).join(', ');
  console.log(`lines covered in process: ${((100 * all.covered) / all.total).toFixed(1)}% (${each})`);
}
process.exit(failed > 0 || passed === 0 ? 1 : 0);
