import { isPingyiError, PingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { startFailure } from './start-failure';

describe('startFailure', () => {
  const refusal = new PingyiError(
    'PLUGIN_INIT_FAILED',
    'plugin "@acme/x" (from @acme/x, /srv/node_modules/@acme/x/dist/index.js) refused to start: rosterSize must be a positive integer',
  );

  it('prints a refusal as one line without a stack, exit 2', () => {
    const { message, exitCode } = startFailure(refusal, { verbose: false, isPingyiError });
    expect(exitCode).toBe(2);
    expect(message).toBe(`Pingyi cannot start: ${refusal.message}`);
    expect(message).not.toContain('\n');
  });

  it('adds the stack with --verbose', () => {
    const { message, exitCode } = startFailure(refusal, { verbose: true, isPingyiError });
    expect(exitCode).toBe(2);
    expect(message.split('\n')[0]).toBe(`Pingyi cannot start: ${refusal.message}`);
    expect(message).toContain('start-failure.spec.ts');
  });

  it('prints an unexpected error as its first line (exit 1), the stack only with --verbose', () => {
    const bug = new Error('Cannot determine a GraphQL output type for the "id"\n  more lines');
    expect(startFailure(bug, { verbose: false, isPingyiError })).toEqual({
      message:
        'Pingyi cannot start: Cannot determine a GraphQL output type for the "id" (run with --verbose for the stack trace)',
      exitCode: 1,
    });
    expect(startFailure(bug, { verbose: true, isPingyiError }).message).toContain('start-failure.spec.ts');
  });
});
