import { describe, expect, it } from 'vitest';
import { InProcessWorkQueue } from './in-process-work-queue';

const later = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

describe('InProcessWorkQueue', () => {
  it('runs at most `concurrency` pieces at once, first come first served, and tells which still wait', async () => {
    const queue = new InProcessWorkQueue(2);
    const gates = new Map<string, ReturnType<typeof later>>();
    const started: string[] = [];
    await queue.start(async (_kind, payload) => {
      const id = String(payload);
      started.push(id);
      const gate = later();
      gates.set(id, gate);
      await gate.gate;
    });
    for (const id of ['a', 'b', 'c', 'd']) await queue.submit('work', id, id);
    expect(started).toEqual(['a', 'b']);
    expect(await queue.waiting('a')).toBe(false);
    expect(await queue.waiting('c')).toBe(true);
    expect(await queue.length()).toBe(4);
    gates.get('b')?.release();
    await queue.finished('b');
    expect(started).toEqual(['a', 'b', 'c']);
    expect(await queue.waiting('c')).toBe(false);
    gates.get('a')?.release();
    gates.get('c')?.release();
    await queue.finished('a');
    await queue.finished('c');
    gates.get('d')?.release();
    await queue.finished('d');
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(await queue.length()).toBe(0);
  });

  it('ignores a second submit of the same id and goes on after a failed piece', async () => {
    const queue = new InProcessWorkQueue(1);
    const runs: string[] = [];
    await queue.start(async (_kind, payload) => {
      runs.push(String(payload));
      if (payload === 'bad') throw new Error('failed');
    });
    await queue.submit('work', 'x', 'bad');
    await queue.submit('work', 'x', 'bad');
    await queue.submit('work', 'y', 'good');
    await queue.finished('x');
    await queue.finished('y');
    expect(runs).toEqual(['bad', 'good']);
  });

  it('when closed, drops what waits, lets what runs end, and takes no more', async () => {
    const queue = new InProcessWorkQueue(1);
    const gate = later();
    const runs: string[] = [];
    await queue.start(async (_kind, payload) => {
      runs.push(String(payload));
      await gate.gate;
    });
    await queue.submit('work', 'running', 'running');
    await queue.submit('work', 'waiting', 'waiting');
    const closing = queue.close(5_000);
    gate.release();
    await closing;
    expect(runs).toEqual(['running']);
    expect(await queue.waiting('waiting')).toBe(false);
    await expect(queue.submit('work', 'late', 'late')).rejects.toThrow(/stopping/);
  });
});
