// The blocks of docs/plugins.md and the README that the SDK check runs: each follows a
// `<!-- sdk-check: KIND [ARG] -->` line (run, file PATH, query, esm).
import { readFileSync } from 'node:fs';

/** [{ kind, arg, lang, text }] in document order. */
export function markedBlocks(file) {
  const text = readFileSync(file, 'utf8');
  const blocks = [];
  const pattern = /<!-- sdk-check: (\w+)(?: ([^ ]+))? -->\n```(\w*)\n([\s\S]*?)\n```/g;
  for (const match of text.matchAll(pattern))
    blocks.push({ kind: match[1], arg: match[2], lang: match[3], text: match[4] });
  return blocks;
}

/** The commands of a `run` block, one per line, comments and blank lines left out. */
export const commandsOf = (block) =>
  block.text
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
