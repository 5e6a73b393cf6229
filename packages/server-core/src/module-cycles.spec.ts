import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

/** Folder → the folders it imports, each with one import that shows it. */
type FolderGraph = ReadonlyMap<string, ReadonlyMap<string, string>>;

interface FolderCycle {
  /** The folders that reach each other (a strongly connected component), sorted. */
  readonly folders: readonly string[];
  /** One way round it, from the first folder: the import behind each step. */
  readonly steps: readonly string[];
}

/** The cycles of the graph: its strongly connected components of two or more folders (Tarjan). */
function folderCycles(graph: FolderGraph): FolderCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (folder: string): void => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = top === folder ? undefined : stack.pop()) component.push(top);
    if (component.length > 1) components.push(component.sort());
  };
  for (const folder of [...graph.keys()].sort()) if (!index.has(folder)) connect(folder);
  return components.map((folders) => ({ folders, steps: wayRound(graph, folders) }));
}

/** The shortest way from the component's first folder back to itself, inside the component. */
function wayRound(graph: FolderGraph, folders: readonly string[]): string[] {
  const start = folders[0]!;
  const inside = new Set(folders);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const next of graph.get(at)?.keys() ?? []) {
      if (!inside.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  const steps: string[] = [];
  for (let to = start, from = cameFrom.get(to)!; ; to = from, from = cameFrom.get(to)!) {
    steps.unshift(graph.get(from)!.get(to)!);
    if (from === start) return steps;
  }
}

/** Every import (type-only ones too: they couple modules all the same) between the top-level folders of src. */
function folderGraphOf(root: string): FolderGraph {
  const graph = new Map<string, Map<string, string>>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) addImports(file);
    }
  };
  const folderOf = (file: string): string | null => {
    const parts = path.relative(root, file).split(path.sep);
    return parts.length > 1 && parts[0] !== '..' ? (parts[0] ?? null) : null;
  };
  const addImports = (file: string): void => {
    const from = folderOf(file);
    if (!from) return;
    for (const imported of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const to = folderOf(path.resolve(path.dirname(file), imported.fileName));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(root, file)} imports ${imported.fileName}`);
      graph.set(from, edges);
    }
  };
  visit(root);
  return graph;
}

/**
 * Folders still in a cycle of the platform's own (the database layer and the
 * request plumbing): they may only shrink. Every other module (a feature:
 * rectification, attachment, inbox, supervision...) must be in none.
 */
const PLATFORM_CYCLE = new Set([
  'bureau',
  'campaign',
  'common',
  'config',
  'database',
  'logging',
  'organization',
  'rate-limit',
]);

describe('module cycles', () => {
  it('finds the cycles of a folder graph, with the import behind each step', () => {
    const graph: FolderGraph = new Map([
      ['a', new Map([['b', 'a/x.ts imports ../b/y']])],
      ['b', new Map([['c', 'b/y.ts imports ../c/z']])],
      ['c', new Map([['a', 'c/z.ts imports ../a/x']])],
      ['d', new Map([['a', 'd/w.ts imports ../a/x']])],
    ]);
    expect(folderCycles(graph)).toEqual([
      {
        folders: ['a', 'b', 'c'],
        steps: ['a/x.ts imports ../b/y', 'b/y.ts imports ../c/z', 'c/z.ts imports ../a/x'],
      },
    ]);
    expect(folderCycles(new Map([['a', new Map([['b', 'a imports b']])]]))).toEqual([]);
  });

  it('the feature modules of src import each other without a cycle', () => {
    const graph = folderGraphOf(SRC);
    // the scan sees the modules' imports at all (rectification uses common and the inbox's notify port)
    expect([...(graph.get('rectification')?.keys() ?? [])]).toEqual(expect.arrayContaining(['common', 'inbox']));
    const featureCycles = folderCycles(graph).filter((cycle) => cycle.folders.some((f) => !PLATFORM_CYCLE.has(f)));
    expect(featureCycles).toEqual([]);
  });
});
