import { Role } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import { type EntitySubscriberInterface, type InsertEvent } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * TypeORM's better-sqlite3 driver shares one connection, so two overlapping
 * transactions used to nest as savepoints of one: when the outer one failed,
 * the inner one's acknowledged work was rolled back with it. This forces that
 * interleaving through real services over GraphQL: transaction A writes a user
 * and then waits (a subscriber holds it, as a slow step would) before failing;
 * transaction B starts meanwhile and succeeds. Every acknowledged write must
 * persist, whatever the order the two ran in.
 */

const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { __typename ... on User { id username } ... on ErrorResult { errorCode message } }
}`;
const USERS = `{ users(options: { take: 100 }) { items { username } } }`;

interface Latch {
  readonly reached: Promise<void>;
  release(): void;
}

function latch(): Latch & { arrive(): void; readonly released: Promise<void> } {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { reached, released, arrive, release };
}

/** Holds the insert of `username` until released, then fails its transaction. */
function failAfterWriting(username: string, gate: ReturnType<typeof latch>): EntitySubscriberInterface {
  return {
    async afterInsert(event: InsertEvent<{ username?: string }>) {
      if (event.entity?.username !== username) return;
      gate.arrive();
      await gate.released;
      throw new Error('injected failure after writing');
    },
  };
}

function input(username: string): Record<string, unknown> {
  return { username, displayName: username, password: 'a-long-password-1', roles: [Role.leader], unitCode: null };
}

async function usernames(server: TestServer): Promise<string[]> {
  const { data } = await server.gql(USERS, {}, await server.adminToken());
  return (data.users.items as { username: string }[]).map((user) => user.username);
}

describe('overlapping SQLite transactions [sqlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ database: 'sqlite' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps a committed transaction when an overlapping one fails after writing', async () => {
    const token = await server.adminToken();
    const gate = latch();
    server.dataSource.subscribers.push(failAfterWriting('tx-a-fails', gate));

    const first = server.gql(CREATE_USER, { input: input('tx-a-fails') }, token);
    await gate.reached; // A has written its row and is still inside its transaction
    const second = server.gql(CREATE_USER, { input: input('tx-b-succeeds') }, token);
    // give B every chance to run inside A (it did, before transactions were serialized)
    const early = await Promise.race([
      second.then(() => 'answered' as const),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 300)),
    ]);
    gate.release();
    const [a, b] = await Promise.all([first, second]);

    expect(a.data?.createUser ?? null).toBeNull(); // A failed: an internal error, nothing of it kept
    expect(b.data.createUser.__typename).toBe('User');
    const names = await usernames(server);
    expect(names).toContain('tx-b-succeeds');
    expect(names).not.toContain('tx-a-fails');
    // B waited for A instead of running inside it
    expect(early).toBe('waiting');
  });

  it('never lets a statement outside a transaction join another request’s transaction', async () => {
    const token = await server.adminToken();
    expect((await server.gql(CREATE_USER, { input: input('tx-d-plain') }, token)).data.createUser.__typename).toBe(
      'User',
    );
    const gate = latch();
    server.dataSource.subscribers.push(failAfterWriting('tx-c-fails', gate));
    const first = server.gql(CREATE_USER, { input: input('tx-c-fails') }, token);
    await gate.reached;
    // a plain statement (no transaction of its own) while C is open
    const plain = server.dataSource.query(`UPDATE app_user SET display_name = 'renamed' WHERE username = 'tx-d-plain'`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    gate.release();
    await Promise.all([first, plain]);
    const [row] = await server.dataSource.query(`SELECT display_name FROM app_user WHERE username = 'tx-d-plain'`);
    expect(row.display_name).toBe('renamed');
  });

  it('serializes many concurrent writers without losing one', async () => {
    const token = await server.adminToken();
    const names = Array.from({ length: 16 }, (_, i) => `tx-many-${i}`);
    const answers = await Promise.all(names.map((name) => server.gql(CREATE_USER, { input: input(name) }, token)));
    expect(answers.every((answer) => answer.data.createUser.__typename === 'User')).toBe(true);
    const stored = await usernames(server);
    for (const name of names) expect(stored).toContain(name);
  }, 120_000); // each user's password is hashed with scrypt at N = 2^17 first
});
