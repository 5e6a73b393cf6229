import { hashPassword, Role } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN } from './auth.suite';

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { __typename ... on User { id username } ... on ErrorResult { errorCode message path } }
}`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) { __typename ... on ErrorResult { errorCode message path } }
}`;

/** The password policy (length, common passwords) and the scrypt cost, over GraphQL on a real server. */
describe('passwords [sqlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  const create = async (username: string, password: string) =>
    (
      await server.gql(
        CREATE_USER,
        { input: { username, displayName: username, password, roles: [Role.office], unitCode: null } },
        await server.adminToken(),
      )
    ).data.createUser;
  const storedHash = async (username: string): Promise<string> =>
    (
      (await server.dataSource.query('SELECT password_hash AS h FROM app_user WHERE username = ?', [username])) as {
        h: string;
      }[]
    )[0]!.h;

  it.each([
    ['12345678', /must be 12 to 200 characters, got 8/],
    ['password', /must be 12 to 200 characters, got 8/],
    ['short-pass1', /must be 12 to 200 characters, got 11/],
    ['password1234', /is one of the most common passwords/],
    ['QWERTYUIOP123', /is one of the most common passwords/],
    ['1qaz2wsx3edc', /is one of the most common passwords/],
  ])('refuses %j for a new user with a field error on input.password', async (password, message) => {
    const refused = await create(`weak-${Math.random().toString(36).slice(2, 8)}`, password);
    expect(refused).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.password' });
    expect(refused.message).toMatch(message);
  });

  it('refuses a common password as a new password of changePassword', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    const token = await server.login(user.username, user.password);
    const refused = (await server.gql(CHANGE_PASSWORD, { c: user.password, n: 'qwerty123456' }, token)).data
      .changePassword;
    expect(refused).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'newPassword' });
    expect(refused.message).toMatch(/most common passwords/);
  });

  it('stores new passwords with scrypt N = 2^17, r = 8', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    expect((await storedHash(user.username)).split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
  });

  it('rehashes a hash of an older, lower cost at the next sign-in, and the password still works', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    const old = await hashPassword(user.password, { N: 2 ** 14, r: 8, p: 1 });
    await server.dataSource.query('UPDATE app_user SET password_hash = ? WHERE username = ?', [old, user.username]);
    // a wrong password changes nothing
    expect((await server.gql(LOGIN, { u: user.username, p: 'wrong-password-1' })).data.login.errorCode).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await storedHash(user.username)).toBe(old);
    await server.login(user.username, user.password);
    const rehashed = await storedHash(user.username);
    expect(rehashed).not.toBe(old);
    expect(rehashed.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    await server.login(user.username, user.password);
    expect(await storedHash(user.username)).toBe(rehashed);
  });
});
