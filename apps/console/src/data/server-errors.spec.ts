import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { formFieldOfPath, isErrorResult, serverError, statusOfCode, unwrapResult } from './server-errors';
import { echoTranslate } from './test-fetch';

describe('formFieldOfPath', () => {
  it.each([
    ['input.username', 'username'],
    ['input.phases[0].startDate', 'phases.0.startDate'],
    ['input.groups[12].quota', 'groups.12.quota'],
    ['password', 'password'],
    ['input', null],
    ['options.take', null],
    ['options', null],
    ['', null],
    [null, null],
    ['input.weird path', null],
  ])('%s → %s', (path, field) => {
    expect(formFieldOfPath(path)).toBe(field);
  });
});

describe('statusOfCode', () => {
  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['INVALID_ARGUMENT', 400],
    ['QUOTA_EXCEEDED', 409],
    ['NETWORK', 0],
  ])('%s → %d', (code, status) => expect(statusOfCode(code)).toBe(status));
});

describe('serverError', () => {
  it('puts a field error next to the named field', () => {
    const error = serverError('USERNAME_TAKEN', 'username "ann" is taken', 'input.username', echoTranslate);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('USERNAME_TAKEN: username "ann" is taken');
    expect(error.body).toMatchObject({
      errorCode: 'USERNAME_TAKEN',
      detail: 'username "ann" is taken',
      errors: { username: error.message, root: { serverError: error.message } },
    });
  });

  it('drops the path the server puts at the start of its message', () => {
    const error = serverError(
      'INVALID_CALENDAR',
      'input.phases[2].start: overlaps',
      'input.phases[2].start',
      echoTranslate,
    );
    expect(error.message).toBe('INVALID_CALENDAR: overlaps');
    expect(error.body.errors['phases.2.start']).toBe('INVALID_CALENDAR: overlaps');
  });

  it('puts an error without a field on the form root', () => {
    const error = serverError('PHASE_CLOSED', 'closed', null, echoTranslate);
    expect(error.body.errors).toEqual({ root: { serverError: 'PHASE_CLOSED: closed' } });
  });
});

describe('unwrapResult', () => {
  it('returns the success member', () => {
    expect(unwrapResult({ __typename: 'User', id: '1' }, echoTranslate)).toEqual({ __typename: 'User', id: '1' });
  });

  it('throws an error result as an HttpError', () => {
    expect(() =>
      unwrapResult(
        { __typename: 'QuotaExceededError', errorCode: 'QUOTA_EXCEEDED', message: 'over', path: 'count' },
        echoTranslate,
      ),
    ).toThrow('QUOTA_EXCEEDED: over');
  });

  it('treats a missing value as not found', () => {
    expect(() => unwrapResult(null, echoTranslate)).toThrow(/NOT_FOUND/);
  });

  it('recognises only error results', () => {
    expect(isErrorResult({ __typename: 'ValidationError', errorCode: 'X', message: 'm' })).toBe(true);
    expect(isErrorResult({ __typename: 'Error', message: 'm' })).toBe(false);
    expect(isErrorResult({ __typename: 'User', errorCode: 'X' })).toBe(false);
    expect(isErrorResult('INVALID')).toBe(false);
  });
});
