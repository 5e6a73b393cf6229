import { afterEach, describe, expect, it } from 'vitest';

/** A window with just the address and the history `codeFromAddress` reads and rewrites. */
function stubWindow(address: string): { replaced: string[] } {
  const url = new URL(address);
  const replaced: string[] = [];
  const location = { hash: url.hash, search: url.search, pathname: url.pathname };
  (globalThis as unknown as { window: unknown }).window = {
    location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next: string) => {
        replaced.push(next);
        const moved = new URL(next, url.origin);
        Object.assign(location, { hash: moved.hash, search: moved.search, pathname: moved.pathname });
      },
    },
  };
  return { replaced };
}

describe('the code in the address', () => {
  afterEach(() => {
    delete (globalThis as unknown as { window?: unknown }).window;
  });

  it('is read from the fragment of a slip QR and cleared from the address bar', async () => {
    const { replaced } = stubWindow('https://pingyi.example.gov.cn/vote#code=ABCD-EFGH');
    const { codeFromAddress } = await import('./PublicBallotApp');
    expect(codeFromAddress()).toBe('ABCD-EFGH');
    expect(replaced).toEqual(['/vote']);
    // read again (a second mount): the code stays, the address stays clean
    expect(codeFromAddress()).toBe('ABCD-EFGH');
    expect(replaced).toEqual(['/vote']);
  });

  it('keeps the hash route of the console address (#/ballot#code=…)', async () => {
    const { replaced } = stubWindow('https://pingyi.example.gov.cn/#/ballot#code=WXYZ');
    const { codeFromAddress } = await import('./PublicBallotApp');
    expect(codeFromAddress()).toBe('WXYZ');
    expect(replaced).toEqual(['/#/ballot']);
  });
});
