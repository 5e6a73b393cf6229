import { describe, expect, it } from 'vitest';
import { isPingyiError, PINGYI_ERROR, PingyiError } from './pingyi-error.js';

// A second copy of the module, as a plugin's bundled @pingyi/domain would bring: a query makes vite evaluate it again.
async function secondCopy(): Promise<typeof PingyiError> {
  const copy = (await import(/* @vite-ignore */ `./pingyi-error.js?copy=${Date.now()}`)) as {
    PingyiError: typeof PingyiError;
  };
  return copy.PingyiError;
}

describe('PingyiError across copies of the package', () => {
  it('recognises an error thrown by another copy by its registered symbol', async () => {
    const Other = await secondCopy();
    expect(Other).not.toBe(PingyiError);
    const error = new Other('INVALID_POLICY', 'must be at most 100', 'strategy.args.max');
    expect(isPingyiError(error)).toBe(true);
    expect(isPingyiError(error, 'INVALID_POLICY')).toBe(true);
    expect(isPingyiError(error, 'PHASE_CLOSED')).toBe(false);
    expect(error instanceof PingyiError).toBe(true);
    expect((error as unknown as Record<symbol, unknown>)[PINGYI_ERROR]).toBe(true);
  });

  it('recognises an error of an older copy without the symbol by its shape', () => {
    const old = Object.assign(new Error('x'), { name: 'PingyiError', code: 'INVALID_TALLY' });
    expect(isPingyiError(old, 'INVALID_TALLY')).toBe(true);
  });

  it('refuses look-alikes: plain errors, objects without a code', () => {
    expect(isPingyiError(new Error('x'))).toBe(false);
    expect(isPingyiError({ name: 'PingyiError', code: 'X' })).toBe(false);
    expect(isPingyiError(Object.assign(new Error('x'), { name: 'PingyiError' }))).toBe(false);
    expect(isPingyiError(null)).toBe(false);
    expect(new Error('x') instanceof PingyiError).toBe(false);
  });
});
