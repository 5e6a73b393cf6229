import { PingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { defineErrorResult, defineResultUnion, ErrorResultBase, InvalidArgumentError } from './error-result';

class Thing {
  constructor(readonly name: string) {}
}

const QuotaExceededError = defineErrorResult('TEST_QUOTA_EXCEEDED', 'TestQuotaExceededError');
const Result = defineResultUnion('TestThingResult', Thing, [QuotaExceededError]);

describe('error results', () => {
  it('returns the success value', async () => {
    await expect(Result.run(async () => new Thing('ok'))).resolves.toEqual(new Thing('ok'));
  });

  it('turns a listed PingyiError into its error result, keeping message and path', async () => {
    const result = await Result.run(async () => {
      throw new PingyiError('TEST_QUOTA_EXCEEDED', 'only 3 codes left', 'count', { remaining: 3 });
    });
    expect(result).toBeInstanceOf(QuotaExceededError);
    expect(result).toBeInstanceOf(ErrorResultBase);
    expect(result).toMatchObject({
      errorCode: 'TEST_QUOTA_EXCEEDED',
      message: 'count: only 3 codes left',
      path: 'count',
    });
  });

  it('always includes INVALID_ARGUMENT', async () => {
    const result = await Result.run(async () => {
      throw new PingyiError('INVALID_ARGUMENT', 'must be positive', 'count');
    });
    expect(result).toBeInstanceOf(InvalidArgumentError);
  });

  it('lets other errors through: unlisted PingyiErrors and unexpected ones', async () => {
    await expect(Result.run(async () => Promise.reject(new PingyiError('PHASE_CLOSED', 'closed')))).rejects.toThrow(
      'closed',
    );
    await expect(Result.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('keeps one class per code', () => {
    expect(defineErrorResult('TEST_QUOTA_EXCEEDED', 'TestQuotaExceededError')).toBe(QuotaExceededError);
    expect(() => defineErrorResult('TEST_QUOTA_EXCEEDED', 'OtherName')).toThrow(
      /already the code of TestQuotaExceededError/,
    );
  });
});
