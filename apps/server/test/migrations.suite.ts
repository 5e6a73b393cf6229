import { hashPassword } from '@pingyi/server-core';
import { type TestDatabase } from '@pingyi/testing';
import { afterEach, expect, it } from 'vitest';
import { currentServerOn, dataSourceAt, freshDatabase, migrations } from './support/previous-version';

/** Migrations from empty, from the previous version with data kept, and back down, on one database. */
export function migrationsSuite(database: TestDatabase): void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('has at least two ordered migrations with unique timestamps', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const stamps = migrations.map((m) => m.name.slice(-13));
    expect(stamps).toEqual([...stamps].sort());
  });

  it('builds the whole schema from an empty database, exactly as the entities describe it', async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const source = await dataSourceAt(db.config, migrations.length);
    try {
      const ran = await source.runMigrations({ transaction: 'each' });
      expect(ran.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      expect(await source.showMigrations()).toBe(false);
      // nothing left for TypeORM to change: migrations and entities agree
      const diff = await source.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  it('upgrades from the previous migration and keeps the data', async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const previous = await dataSourceAt(db.config, migrations.length - 1);
    try {
      await previous.runMigrations({ transaction: 'each' });
      // data written by the previous version, with plain SQL (its entities may differ)
      const truthy = database === 'postgres' ? 'true' : '1';
      await previous.query(`INSERT INTO bureau (code, name, host) VALUES ('default', 'Kept bureau', ${truthy})`);
      const bureauId = (await previous.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id;
      const hash = await hashPassword('kept-password-1');
      const p = database === 'postgres' ? ['$1', '$2'] : ['?', '?'];
      await previous.query(
        `INSERT INTO app_user (bureau_id, username, display_name, roles, password_hash, active) VALUES (${p[0]}, 'kept-admin', 'Kept', 'admin', ${p[1]}, ${truthy})`,
        [bureauId, hash],
      );
    } finally {
      await previous.destroy();
    }
    // the current version starts on it, runs the last migration, and the data still works
    const server = await currentServerOn(database, db);
    try {
      const token = await server.login('kept-admin', 'kept-password-1');
      const me = await server.gql('{ me { username roles } currentBureau { name } }', {}, token);
      expect(me.data).toEqual({
        me: { username: 'kept-admin', roles: ['admin'] },
        currentBureau: { name: 'Kept bureau' },
      });
      const applied: { name: string }[] = await server.dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await server.close({ keepData: true });
    }
  });

  it('renames the record columns onto the convention and keeps their values', async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const rename = migrations.findIndex((m) => m.name.startsWith('RecordColumnNames'));
    expect(rename).toBeGreaterThan(0);
    const at = '2025-03-04T05:06:07.000Z';
    const previous = await dataSourceAt(db.config, rename);
    try {
      await previous.runMigrations({ transaction: 'each' });
      const truthy = database === 'postgres' ? 'true' : '1';
      await previous.query(`INSERT INTO bureau (code, name, host) VALUES ('default', 'Kept bureau', ${truthy})`);
      const bureauId = (await previous.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id;
      const p = database === 'postgres' ? ['$1', '$2'] : ['?', '?'];
      await previous.query(
        `INSERT INTO audit_entry (bureau_id, user_id, username, operation, args, success, at) VALUES (${p[0]}, 7, 'kept-admin', 'createUser', '{}', ${truthy}, ${p[1]})`,
        [bureauId, at],
      );
    } finally {
      await previous.destroy();
    }
    const current = await dataSourceAt(db.config, migrations.length);
    try {
      await current.runMigrations({ transaction: 'each' });
      const [row] = await current.query('SELECT called_by_user_id, called_by, called_at FROM audit_entry');
      expect({ ...row, called_at: new Date(row.called_at).toISOString() }).toEqual({
        called_by_user_id: 7,
        called_by: 'kept-admin',
        called_at: at,
      });
    } finally {
      await current.destroy();
    }
  });

  it('reverts every migration down to empty and applies them again', async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const source = await dataSourceAt(db.config, migrations.length);
    try {
      await source.runMigrations({ transaction: 'each' });
      for (let i = 0; i < migrations.length; i += 1) await source.undoLastMigration({ transaction: 'each' });
      const runner = source.createQueryRunner();
      try {
        for (const entity of source.entityMetadatas)
          expect(await runner.hasTable(entity.tableName), entity.tableName).toBe(false);
      } finally {
        await runner.release();
      }
      expect((await source.runMigrations({ transaction: 'each' })).length).toBe(migrations.length);
    } finally {
      await source.destroy();
    }
  });
}
