import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's module map is where a newcomer learns the house: every folder
// of src/ is in it, and it names no folder that is gone.

const ROOT = path.resolve(__dirname, '..');

describe('the README module map', () => {
  it('lists every folder of src/ and no other', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(
      readme.indexOf('```\nsrc/\n'),
      readme.indexOf('```', readme.indexOf('```\nsrc/\n') + 4),
    );
    const mapped = [...layout.matchAll(/^ {2}([\w-]+)\//gm)].map((match) => match[1] as string).sort();
    expect(mapped).toEqual(folders);
  });
});
