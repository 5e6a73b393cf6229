// Runs main() with in-memory streams, and writes input files to a temp folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/main.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;
export const demoTally = join(repoRoot, 'examples/demo-tally.csv');
export const seedPolicy = join(repoRoot, 'examples/seed-policy.json');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(...argv: string[]): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Writes files into a fresh temp folder and returns their paths. */
export function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-cli-'));
  return Object.fromEntries(
    Object.entries(contents).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return [name, path];
    }),
  );
}

/** `pingyi score` on a policy and a tally given as text (written to temp files), with further flags. */
export function scoreText(policy: string, tally: string, ...flags: string[]): Promise<CliRun> {
  const input = files({ 'p.json': policy, 't.csv': tally });
  return run('score', '--tally', input['t.csv'] as string, '--policy', input['p.json'] as string, ...flags);
}
