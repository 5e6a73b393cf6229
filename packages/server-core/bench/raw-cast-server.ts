// The casting benchmark's baseline: a minimal node:http handler doing the
// same transaction as castBallot with the raw driver (better-sqlite3, or pg
// with a pool of 10 like the server): check the code's form and the units
// and levels, HMAC the code, redeem it with a conditional UPDATE that must
// change one row, insert the ballot and its ratings, commit. No GraphQL, no
// framework, no throttle, no audit. `/cast-box` does what castBallot does
// now instead: redeem, then one sealed entry into the ballot box (the mixer of
// the server process counts it later). Prints "LISTENING <url>".
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Pool } from 'pg';
import { sealBallot } from '../src/ballot-box/boxed-ballot';
import { LEVEL_CODES, UNIT_CODES } from './bench-kit';

interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): Record<string, unknown>[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
  pragma(sql: string): unknown;
}

const secret = Buffer.from(process.env.PINGYI_SECRET ?? '', 'utf8');
const key = createHmac('sha256', secret).update('pingyi:access-code').digest();
const units = new Set(UNIT_CODES);
const levels = new Set(LEVEL_CODES);
const campaignId = Number(process.env.BENCH_CAMPAIGN_ID);
const bureauId = Number(process.env.BENCH_BUREAU_ID);
const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const ratingsSql = (n: number): string =>
  `INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', ')}`;

type Cast = (hash: string, ratings: { unit: string; level: string }[], boxed: boolean) => Promise<boolean>;

const boxKey = Buffer.from(hkdfSync('sha256', secret, 'pingyi', 'pingyi:ballot-box', 32));
/** A sealed box entry of the ballot, as the server writes it. */
function sealed(codeId: number, ratings: { unit: string; level: string }[]): [string, string] {
  const id = randomUUID();
  const ballot = {
    bureauId,
    campaignId,
    evaluatorGroupCode: 'residents',
    channel: 'online' as const,
    castOn: today(),
    paperBatchId: null,
    isDemo: false,
    ratings: ratings.map((r) => [r.unit, r.level] as const),
    opinions: [],
    accessCodeId: codeId,
    boxedAt: Date.now(),
  };
  return [id, sealBallot(boxKey, id, ballot)];
}

function sqliteCast(): Cast {
  const Database = createRequire(__filename)('better-sqlite3') as new (file: string) => SqliteDatabase;
  const db = new Database(path.join(process.env.PINGYI_DATA_DIR ?? '.', 'pingyi.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  const redeem = db.prepare(
    "UPDATE access_code SET state = 'used', used_on = ? WHERE code_hash = ? AND state = 'unused'",
  );
  const redeemReturning = db.prepare(
    "UPDATE access_code SET state = 'used', used_on = ? WHERE code_hash = ? AND state = 'unused' RETURNING id",
  );
  const box = db.prepare('INSERT INTO ballot_box (id, campaign_id, sealed) VALUES (?, ?, ?)');
  const ballot = db.prepare(
    "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) VALUES (?, ?, ?, 'residents', 'online', ?)",
  );
  const statements = new Map<number, SqliteStatement>();
  return async (hash, ratings, boxed) =>
    db.transaction(() => {
      const day = today();
      if (boxed) {
        const [row] = redeemReturning.all(day, hash);
        if (!row) return false;
        const [id, value] = sealed(Number(row.id), ratings);
        box.run(id, campaignId, value);
        return true;
      }
      if (redeem.run(day, hash).changes !== 1) return false;
      const id = randomUUID();
      ballot.run(id, bureauId, campaignId, day);
      let insert = statements.get(ratings.length);
      if (!insert) statements.set(ratings.length, (insert = db.prepare(ratingsSql(ratings.length))));
      insert.run(...ratings.flatMap((r) => [id, r.unit, campaignId, 'residents', r.level]));
      return true;
    })();
}

function postgresCast(): Cast {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const numbered = (sql: string): string => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${(i += 1)}`);
  };
  return async (hash, ratings, boxed) => {
    if (boxed) {
      // the code's id from its lookup, then one statement, as the server does it
      const found = (await pool.query('SELECT id FROM access_code WHERE code_hash = $1', [hash])).rows[0] as
        { id: number } | undefined;
      if (!found) return false;
      const [id, value] = sealed(Number(found.id), ratings);
      const done = await pool.query(
        "WITH r AS (UPDATE access_code SET state = 'used', used_on = $1::date WHERE code_hash = $2 AND state = 'unused' RETURNING 1) INSERT INTO ballot_box (id, campaign_id, sealed) SELECT $3, $4::integer, $5 FROM r",
        [today(), hash, id, campaignId, value],
      );
      return done.rowCount === 1;
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const day = today();
      const redeemed = await client.query(
        "UPDATE access_code SET state = 'used', used_on = $1 WHERE code_hash = $2 AND state = 'unused'",
        [day, hash],
      );
      if (redeemed.rowCount !== 1) {
        await client.query('ROLLBACK');
        return false;
      }
      const id = randomUUID();
      await client.query(
        "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) VALUES ($1, $2, $3, 'residents', 'online', $4)",
        [id, bureauId, campaignId, day],
      );
      await client.query(
        numbered(ratingsSql(ratings.length)),
        ratings.flatMap((r) => [id, r.unit, campaignId, 'residents', r.level]),
      );
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

const cast = process.env.DATABASE_URL ? postgresCast() : sqliteCast();

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    code: string;
    ratings: { unit: string; level: string }[];
  };
  const code = input.code.replace(/[\s-]/g, '').toUpperCase();
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (!/^[2-9A-HJ-NP-Z]{14}$/.test(code)) return reply(400, { errorCode: 'INVALID_CODE' });
  const seen = new Set<string>();
  for (const rating of input.ratings) {
    if (!units.has(rating.unit) || !levels.has(rating.level) || seen.has(rating.unit))
      return reply(400, { errorCode: 'INVALID_BALLOT' });
    seen.add(rating.unit);
  }
  const hash = createHmac('sha256', key).update(code).digest('hex');
  return (await cast(hash, input.ratings, req.url === '/cast-box'))
    ? reply(200, { ok: true })
    : reply(409, { errorCode: 'CODE_ALREADY_USED' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    res.writeHead(500);
    res.end(String(error));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
