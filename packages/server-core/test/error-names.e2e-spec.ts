import { ERROR_NAMES } from '@pingyi/domain';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every code the server can answer with has a name people read (the audit
// log shows names, never codes): a new code without a name fails here.

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['domain/src', 'scoring/src', 'server-core/src'].map((dir) => path.join(ROOT, dir));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('error names', () => {
  it('name every error code the packages throw or answer with', () => {
    const thrown = new Set<string>();
    const patterns = [
      /new PingyiError\(\s*'([A-Z_]+)'/g,
      /refusal\(\s*'([A-Z_]+)'/g,
      /defineErrorResult\(\s*'([A-Z_]+)'/g,
      /errorCode = '([A-Z_]+)'/g,
      /^\s{2}([A-Z_]+): '\1',$/gm,
    ];
    for (const file of SOURCES.flatMap(sourceFiles)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) thrown.add(match[1] as string);
    }
    expect(thrown.size).toBeGreaterThan(50);
    expect([...thrown].filter((code) => !Object.hasOwn(ERROR_NAMES, code)).sort()).toEqual([]);
  });
});
