import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_NAMES } from './error-names.js';
import { MESSAGES } from './reasons/index.js';

// docs/errors.md is written from the catalogs the server and the console use:
// `UPDATE_DOCS=1 npx vitest run src/errors/error-docs.spec.ts` rewrites it.

const DOC = path.resolve(import.meta.dirname, '../../../../docs/errors.md');
const cell = (text: string) => text.replace(/\|/g, '\\|');

function render(): string {
  const lines = [
    '# Error codes and refusal sentences',
    '',
    'Generated from `@pingyi/domain` (`ERROR_NAMES`, `MESSAGES`); do not edit by hand.',
    '',
    'Every refusal carries a stable `errorCode` (GraphQL `ErrorResult.errorCode`, `extensions.code`, REST `errorCode`),',
    'the field at fault (`path`) and, where a sentence says why, a `messageKey` with its parameters',
    '(`messageParamsJson` on error results and report rows, `extensions.details.params`, REST `params`).',
    'Clients match on codes and keys; people read the sentence in their language.',
    '',
    '## Error codes',
    '',
    '| code | 名称 | name |',
    '| --- | --- | --- |',
    ...Object.entries(ERROR_NAMES).map(([code, name]) => `| \`${code}\` | ${cell(name.zh)} | ${cell(name.en)} |`),
    '',
    '## Sentences',
    '',
    '| message key | 中文 | English |',
    '| --- | --- | --- |',
    ...Object.entries(MESSAGES).map(([key, text]) => `| \`${key}\` | ${cell(text.zh)} | ${cell(text.en)} |`),
    '',
  ];
  return lines.join('\n');
}

describe('docs/errors.md', () => {
  it('lists every error code and sentence as the catalogs have them', () => {
    const expected = render();
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(DOC, expected);
    expect(fs.readFileSync(DOC, 'utf8')).toBe(expected);
  });
});
