import { AuthToken, Role } from '@pingyi/server-core';
import { createTestServer, TEST_ADMIN_PASSWORD, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export const LOGIN = `mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename
    ... on LoginSuccess { token expiresAt user { username roles } }
    ... on ErrorResult { errorCode message }
  }
}`;
const ME = '{ me { id username roles unitCode } }';

/** Sign-in, throttling, tokens and their revocation, on one database. */
export function authSuite(database: TestDatabase): void {
  let server: TestServer;
  // Trust one proxy hop so tests can act from different client addresses.
  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback', PINGYI_TOKEN_TTL: '2h' } });
  });
  afterAll(() => server?.close());

  const loginFrom = (ip: string, username: string, password: string) =>
    server.gql(LOGIN, { u: username, p: password }, undefined, { 'x-forwarded-for': ip }).then((r) => r.data.login);
  const codeOf = (response: { errors?: readonly { extensions?: { code?: string } }[] | undefined }) =>
    response.errors?.[0]?.extensions?.code;

  it('signs in the first-start admin and returns a token with the configured lifetime', async () => {
    expect(server.config.database.type).toBe(database);
    const before = Date.now();
    const result = await loginFrom('10.0.0.1', 'admin', TEST_ADMIN_PASSWORD);
    expect(result.__typename).toBe('LoginSuccess');
    expect(result.token).toMatch(/^[\w-]{43}$/);
    expect(result.user).toEqual({ username: 'admin', roles: [Role.admin, Role.office] });
    const lifetime = new Date(result.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThan(2 * 3600_000 + 60_000);
    const me = await server.gql(ME, {}, result.token);
    expect(me.data.me.username).toBe('admin');
  });

  it('answers an unknown user and a wrong password the same way (INVALID_CREDENTIALS)', async () => {
    const unknown = await loginFrom('10.0.0.2', 'nobody-here', 'whatever-password');
    const wrong = await loginFrom('10.0.0.2', 'admin', 'wrong-password');
    expect(unknown).toEqual({
      __typename: 'InvalidCredentialsError',
      errorCode: 'INVALID_CREDENTIALS',
      message: 'Unknown username or wrong password',
    });
    expect(wrong).toEqual(unknown);
  });

  it('accepts usernames case-insensitively', async () => {
    expect((await loginFrom('10.0.0.3', 'ADMIN', TEST_ADMIN_PASSWORD)).__typename).toBe('LoginSuccess');
  });

  it('throttles failed sign-ins per username and address, even with the right password after', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    for (let i = 0; i < 5; i += 1) {
      expect((await loginFrom('10.1.0.1', user.username, 'wrong-password')).errorCode).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await loginFrom('10.1.0.1', user.username, user.password);
    expect(blocked.__typename).toBe('TooManyAttemptsError');
    expect(blocked.errorCode).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.message).toMatch(/try again in 15 minutes/);
    // another address is not blocked, nor another user from the same address
    expect((await loginFrom('10.1.0.2', user.username, user.password)).__typename).toBe('LoginSuccess');
    expect((await loginFrom('10.1.0.1', 'admin', TEST_ADMIN_PASSWORD)).__typename).toBe('LoginSuccess');
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const user = await server.createUser({ roles: [Role.leader] });
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 4; i += 1) await loginFrom('10.2.0.1', user.username, 'wrong-password');
      expect((await loginFrom('10.2.0.1', user.username, user.password)).__typename).toBe('LoginSuccess');
    }
  });

  it('revokes the token on logout', async () => {
    const user = await server.createUser({ roles: [Role.inspector] });
    const token = await server.login(user.username, user.password);
    const other = await server.login(user.username, user.password);
    expect((await server.gql('mutation { logout { loggedOut } }', {}, token)).data.logout.loggedOut).toBe(true);
    const after = await server.gql(ME, {}, token);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.data).toBeNull();
    // the other session of the same user is untouched
    expect((await server.gql(ME, {}, other)).data.me.username).toBe(user.username);
  });

  it('revokes every token of the user on password change and hands out a new one', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    const [first, second] = [
      await server.login(user.username, user.password),
      await server.login(user.username, user.password),
    ];
    const CHANGE = `mutation Change($c: String!, $n: String!) {
      changePassword(currentPassword: $c, newPassword: $n) {
        __typename ... on ChangePasswordSuccess { token } ... on ErrorResult { errorCode message path }
      }
    }`;
    const wrong = await server.gql(CHANGE, { c: 'not-my-password', n: 'a-new-password-2' }, first);
    expect(wrong.data.changePassword).toMatchObject({ errorCode: 'INVALID_CREDENTIALS', path: 'currentPassword' });
    const weak = await server.gql(CHANGE, { c: user.password, n: 'short' }, first);
    expect(weak.data.changePassword).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'newPassword' });
    const changed = await server.gql(CHANGE, { c: user.password, n: 'a-new-password-2' }, first);
    expect(changed.data.changePassword.__typename).toBe('ChangePasswordSuccess');
    for (const old of [first, second]) expect(codeOf(await server.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, changed.data.changePassword.token)).data.me.username).toBe(user.username);
    expect((await loginFrom('10.3.0.1', user.username, user.password)).errorCode).toBe('INVALID_CREDENTIALS');
    expect((await loginFrom('10.3.0.1', user.username, 'a-new-password-2')).__typename).toBe('LoginSuccess');
  });

  it('refuses an expired token', async () => {
    const user = await server.createUser({ roles: [Role.leader] });
    const token = await server.login(user.username, user.password);
    expect((await server.gql(ME, {}, token)).data.me.username).toBe(user.username);
    await server.dataSource
      .createQueryBuilder()
      .update(AuthToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId = :id', { id: Number(user.id) })
      .execute();
    expect(codeOf(await server.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses made-up and malformed tokens', async () => {
    expect(codeOf(await server.gql(ME, {}, 'A'.repeat(43)))).toBe('UNAUTHENTICATED');
    const malformed = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: ME }),
    });
    expect(
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('signs a deactivated user out everywhere and refuses their sign-in until reactivated', async () => {
    const user = await server.createUser({ roles: [Role.office] });
    const token = await server.login(user.username, user.password);
    const admin = await server.adminToken();
    const SET_ACTIVE =
      'mutation($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { __typename ... on User { active } } }';
    expect((await server.gql(SET_ACTIVE, { id: user.id, a: false }, admin)).data.setUserActive).toEqual({
      __typename: 'User',
      active: false,
    });
    expect(codeOf(await server.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect((await loginFrom('10.4.0.1', user.username, user.password)).errorCode).toBe('INVALID_CREDENTIALS');
    await server.gql(SET_ACTIVE, { id: user.id, a: true }, admin);
    expect((await loginFrom('10.4.0.2', user.username, user.password)).__typename).toBe('LoginSuccess');
  });

  it('revokes the tokens of a user whose password an admin resets', async () => {
    const user = await server.createUser({ roles: [Role.inspector] });
    const token = await server.login(user.username, user.password);
    const reset = await server.gql(
      'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { __typename } }',
      { id: user.id, p: 'reset-by-admin-1' },
      await server.adminToken(),
    );
    expect(reset.data.resetUserPassword.__typename).toBe('User');
    expect(codeOf(await server.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect((await loginFrom('10.5.0.1', user.username, 'reset-by-admin-1')).__typename).toBe('LoginSuccess');
  });

  it('keeps an admin from locking themselves out', async () => {
    const admin = await server.adminToken();
    const me = (await server.gql(ME, {}, admin)).data.me;
    const demote = await server.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { roles: [office] }) { __typename ... on ErrorResult { errorCode path } } }',
      { id: me.id },
      admin,
    );
    expect(demote.data.updateUser).toEqual({
      __typename: 'SelfLockoutError',
      errorCode: 'SELF_LOCKOUT',
      path: 'input.roles',
    });
    const deactivate = await server.gql(
      'mutation($id: ID!) { setUserActive(id: $id, active: false) { __typename } }',
      { id: me.id },
      admin,
    );
    expect(deactivate.data.setUserActive.__typename).toBe('SelfLockoutError');
  });

  describe('user management arguments', () => {
    const CREATE = `mutation($input: CreateUserInput!) {
      createUser(input: $input) { __typename ... on User { username unitCode } ... on ErrorResult { errorCode message path } }
    }`;
    const valid = {
      username: 'valid-user',
      displayName: 'Valid',
      password: 'valid-password-1',
      roles: ['office'],
      unitCode: null,
    };

    it.each([
      ['a one-letter username', { username: 'a' }, 'input.username', /must be 3 to 64 characters, got 1/],
      ['a username with spaces', { username: 'two words' }, 'input.username', /letters, digits/],
      ['no role', { roles: [] }, 'input.roles', /must have 1 to 5 items, got 0/],
      ['a repeated role', { roles: ['office', 'office'] }, 'input.roles', /must not repeat a role/],
      ['a liaison without unit', { roles: ['liaison'] }, 'input.unitCode', /required for a liaison/],
      ['a unit for an office user', { unitCode: 'traffic' }, 'input.unitCode', /only a liaison has a unit/],
      ['a short password', { password: 'short' }, 'input.password', /must be 12 to 200 characters/],
      ['a blank display name', { displayName: '   ' }, 'input.displayName', /must be 1 to 100 characters, got 0/],
    ])('refuses %s, naming the field', async (_name, change, path, message) => {
      const { data } = await server.gql(CREATE, { input: { ...valid, ...change } }, await server.adminToken());
      expect(data.createUser).toMatchObject({
        __typename: 'InvalidArgumentError',
        errorCode: 'INVALID_ARGUMENT',
        path,
      });
      expect(data.createUser.message).toMatch(message);
      expect(data.createUser.message.startsWith(`${path}:`)).toBe(true);
    });

    it('refuses a taken username, whatever its case', async () => {
      const { data } = await server.gql(CREATE, { input: { ...valid, username: 'ADMIN' } }, await server.adminToken());
      expect(data.createUser).toMatchObject({
        __typename: 'UsernameTakenError',
        errorCode: 'USERNAME_TAKEN',
        path: 'input.username',
      });
    });

    it('creates a liaison for a unit', async () => {
      const { data } = await server.gql(
        CREATE,
        { input: { ...valid, username: 'Liaison-One', roles: ['liaison'], unitCode: 'traffic-police' } },
        await server.adminToken(),
      );
      expect(data.createUser).toEqual({ __typename: 'User', username: 'liaison-one', unitCode: 'traffic-police' });
    });

    it.each([
      [
        'take above 100',
        '{ users(options: { take: 1000 }) { totalItems } }',
        'options.take',
        /between 1 and 100, got 1000/,
      ],
      ['negative skip', '{ users(options: { skip: -1 }) { totalItems } }', 'options.skip', /between 0 and 1000000/],
      [
        'an unknown sort field',
        '{ users(options: { sort: [{ field: "passwordHash" }] }) { totalItems } }',
        'options.sort[0].field',
        /one of username, displayName, createdAt/,
      ],
      ['a malformed id', '{ user(id: "abc") { id } }', 'id', /must be an id/],
      [
        'a too long search',
        `{ users(filter: { search: "${'x'.repeat(65)}" }) { totalItems } }`,
        'filter.search',
        /1 to 64 characters/,
      ],
    ])('refuses %s in a query, naming the field', async (_name, query, field, message) => {
      const response = await server.gql(query, {}, await server.adminToken());
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field });
      expect(response.errors?.[0]?.message).toMatch(message);
    });

    it('names the variable when a value has the wrong type', async () => {
      const response = await server.gql(
        'query($t: Int) { users(options: { take: $t }) { totalItems } }',
        { t: 'many' },
        await server.adminToken(),
      );
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/\$t/);
    });

    it('refuses an over-long username at sign-in as a bad argument', async () => {
      const result = await loginFrom('10.6.0.1', 'x'.repeat(65), 'whatever-password');
      expect(result).toMatchObject({ __typename: 'InvalidArgumentError', errorCode: 'INVALID_ARGUMENT' });
      expect(result.message).toMatch(/^username:/);
    });

    it('lists, filters and sorts the users of the bureau', async () => {
      const admin = await server.adminToken();
      const all = await server.gql('{ users(options: { take: 100 }) { totalItems items { username } } }', {}, admin);
      expect(all.data.users.totalItems).toBe(all.data.users.items.length);
      const sorted = [...all.data.users.items.map((u: { username: string }) => u.username)].sort();
      expect(all.data.users.items.map((u: { username: string }) => u.username)).toEqual(sorted);
      const liaisons = await server.gql('{ users(filter: { role: liaison }) { items { roles } } }', {}, admin);
      for (const user of liaisons.data.users.items) expect(user.roles).toContain('liaison');
      const search = await server.gql('{ users(filter: { search: "LIAISON-o" }) { items { username } } }', {}, admin);
      expect(search.data.users.items).toEqual([{ username: 'liaison-one' }]);
      const page = await server.gql(
        '{ users(options: { skip: 1, take: 2, sort: [{ field: "username", order: DESC }] }) { totalItems items { username } } }',
        {},
        admin,
      );
      expect(page.data.users.items).toEqual(
        [...sorted]
          .reverse()
          .slice(1, 3)
          .map((username) => ({ username })),
      );
    });
  });
}
