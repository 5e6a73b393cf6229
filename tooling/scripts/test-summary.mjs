// Sums the vitest JSON reports of every workspace into one closing line:
// "N passed, N failed, N skipped". Exits non-zero if any test failed or none ran.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const workspaces = ['packages', 'plugins', 'apps'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const workspace of workspaces) {
  const report = join(workspace, 'reports', 'vitest.json');
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
