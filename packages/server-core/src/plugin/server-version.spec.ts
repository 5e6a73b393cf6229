import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { SERVER_CORE_VERSION } from './server-version';

it('is the version in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  expect(manifest.name).toBe('@pingyi/server-core');
  expect(SERVER_CORE_VERSION).toBe(manifest.version);
});
