import { describe, expect, it } from 'vitest';
import { signedOutStart } from './signed-out-start';

describe('signedOutStart', () => {
  it('sends a signed-out visitor of the home page to the login route', () => {
    expect(signedOutStart('', false)).toEqual({ hash: '#/login', nextPathname: '', nextSearch: '' });
    expect(signedOutStart('#/', false)).toEqual({ hash: '#/login', nextPathname: '', nextSearch: '' });
  });

  it('keeps the page asked for, with its query, to open after sign-in', () => {
    expect(signedOutStart('#/results?campaign=c1', false)).toEqual({
      hash: '#/login',
      nextPathname: '/results',
      nextSearch: '?campaign=c1',
    });
  });

  it('leaves the login page and a signed-in session alone', () => {
    expect(signedOutStart('#/login', false)).toBeNull();
    expect(signedOutStart('#/users', true)).toBeNull();
  });
});
