import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

type Tree = { [key: string]: Tree | string | undefined };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value) for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const enLeaves = leaves(en as unknown as Tree);
const zhLeaves = leaves(zh as unknown as Tree);

describe('translations', () => {
  it('have the same keys in both languages', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    // the shared refusal sentences say the same thing from the parameters each language needs (checked in @pingyi/domain)
    const differing = [...enLeaves].filter(([key, text]) => {
      if (key.startsWith('pingyi.messages.')) return false;
      const other = zhLeaves.get(key) ?? '';
      // Chinese has no plural forms: a zh text may drop the singular variant's placeholders
      return (
        placeholders(text).join() !== placeholders(other).join() &&
        !(text.includes('||||') && placeholders(other).every((p) => placeholders(text).includes(p)))
      );
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('translate every console label into Chinese', () => {
    // a label of punctuation only (the list separator 、) has nothing to translate
    const untranslated = [...zhLeaves].filter(
      ([key, text]) =>
        !key.startsWith('ra.') && /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, '')) && !/[\u4e00-\u9fff]/.test(text),
    );
    expect(untranslated).toEqual([]);
  });

  it('leave no label empty', () => {
    const empty = [...enLeaves, ...zhLeaves].filter(([key, text]) => text.trim() === '' && key !== 'ra.boolean.null');
    expect(empty).toEqual([]);
  });
});
