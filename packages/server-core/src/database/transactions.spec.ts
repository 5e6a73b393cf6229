import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Column, type DataSource, Entity, PrimaryColumn } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initializeDataSource } from './dialect';
import { type SqlStep } from './sql-steps';
import { Transactions } from './transactions';

@Entity('note')
class Note {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') text!: string;
}

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Transactions on SQLite (one shared connection)', () => {
  let dir: string;
  let dataSource: DataSource;
  let transactions: Transactions;
  const ids = async (): Promise<string[]> =>
    (await dataSource.query('SELECT id FROM note ORDER BY id')).map((row: { id: string }) => row.id);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-tx-'));
    dataSource = await initializeDataSource({
      type: 'better-sqlite3',
      database: path.join(dir, 'db.sqlite'),
      enableWAL: true,
      entities: [Note],
      synchronize: true,
    });
    transactions = new Transactions(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs overlapping transactions one after the other: a failing one takes none of the other’s work', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = transactions.run(async (manager) => {
      await manager.insert(Note, { id: 'a', text: 'fails' });
      await held;
      throw new Error('boom');
    });
    await later(20);
    const succeeding = transactions.run((manager) => manager.insert(Note, { id: 'b', text: 'kept' }));
    await later(50);
    release();
    await expect(failing).rejects.toThrow('boom');
    await succeeding;
    expect(await ids()).toEqual(['b']);
  });

  it('joins the caller’s transaction when run is called inside run', async () => {
    await expect(
      transactions.run(async () => {
        await transactions.run((manager) => manager.insert(Note, { id: 'inner', text: 'x' }));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await ids()).toEqual([]);
  });

  it('runs a repository call made inside run as part of that transaction, instead of waiting for it forever', async () => {
    const repository = dataSource.getRepository(Note);
    await expect(
      transactions.run(async () => {
        await repository.save({ id: 'by-repository', text: 'x' }); // save() opens a transaction of its own: a savepoint here
        expect(await repository.count()).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ids()).toEqual([]);
  });

  it('lets reads through while a long step list is written, and writes it all or nothing', async () => {
    await dataSource.query(`INSERT INTO note (id, text) VALUES ('seed', 'x')`);
    function* many(): Generator<SqlStep> {
      for (let i = 0; i < 20_000; i += 1)
        yield { sql: 'INSERT INTO note (id, text) VALUES (?, ?)', params: [`n${String(i).padStart(5, '0')}`, 'x'] };
    }
    let readsDuring = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const [row] = await transactions.query('SELECT COUNT(*) AS n FROM note');
        expect(Number(row?.n)).toBe(1); // the reader keeps its snapshot: nothing half-written shows
        readsDuring += 1;
        await later(1);
      }
    })();
    const outcome = await transactions
      .steps([
        many(),
        {
          sql: 'INSERT INTO note (id, text) VALUES (?, ?)',
          params: ['seed', 'duplicate'],
          name: 'dup',
          expectChanges: 1,
        },
      ])
      .catch((error: Error) => error);
    writing = false;
    await reader;
    expect(outcome).toBeInstanceOf(Error); // the duplicate key fails the last step: everything is rolled back
    expect(readsDuring).toBeGreaterThan(1);
    expect(await ids()).toEqual(['seed']);
  });

  it('refuses steps inside run, which would need a second transaction', async () => {
    await expect(transactions.run(() => transactions.steps([{ sql: 'SELECT 1', returnsRows: true }]))).rejects.toThrow(
      /outside Transactions.run/,
    );
  });

  it('reads one committed state in read(), while a write commits meanwhile, and refuses to write there', async () => {
    await dataSource.query(`INSERT INTO note (id, text) VALUES ('before', 'x')`);
    let firstRead!: () => void;
    let written!: () => void;
    const afterFirstRead = new Promise<void>((resolve) => (firstRead = resolve));
    const afterWrite = new Promise<void>((resolve) => (written = resolve));
    const reading = transactions.read(async (manager) => {
      const first = Number((await manager.query('SELECT COUNT(*) AS n FROM note'))[0]?.n);
      firstRead();
      await afterWrite;
      const second = Number((await manager.query('SELECT COUNT(*) AS n FROM note'))[0]?.n);
      return [first, second];
    });
    await afterFirstRead;
    // a write commits on the writer connection between the two reads: it does not wait for the read
    await transactions.steps([{ sql: "INSERT INTO note (id, text) VALUES ('during', 'x')" }]);
    written();
    const seen = await reading;
    expect(seen).toEqual([1, 1]);
    expect(await ids()).toEqual(['before', 'during']);
    await expect(
      transactions.read((manager) => manager.query(`INSERT INTO note (id, text) VALUES ('no', 'x')`)),
    ).rejects.toThrow(/does not write/);
    expect(await ids()).toEqual(['before', 'during']);
  });
});
