import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatGraphqlError } from './format-error';

describe('formatGraphqlError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('masks an internal error for the client, and logs its reason and place without the values its message quotes', () => {
    const logged: string[] = [];
    vi.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
    const driverError = new Error('invalid input syntax for type integer: "K7Q2-MN4P-8XWD"');
    const formatted = formatGraphqlError({ message: driverError.message, path: ['castBallot'] }, driverError);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).not.toContain('K7Q2');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('at castBallot: Error: invalid input syntax for type integer: "…"');
    expect(logged[0]).not.toContain('K7Q2');
  });
});
