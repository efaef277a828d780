// PostgresStore: the shared store contract, plus what only a server database has (concurrent migration,
// connection errors, the cross-connection write lock and change counter). Skips with the reason when no
// PostgreSQL server can be had (see test/postgres.ts).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase, testPostgres } from '../../test/postgres.js';
import { runStoreContract, type StoreBackend } from './contract.js';
import { StoreError } from './errors/store-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { PostgresStore } from './postgres.js';
import { PG_ONLY_TABLES, PG_SCHEMA_VERSION } from './postgres-migrations.js';

const server = await testPostgres();
const skip = 'skip' in server ? server.skip : false;

const postgresBackend: StoreBackend = {
  name: 'postgres',
  unavailable: async () => ('skip' in server ? server.skip : null),
  async create() {
    if ('skip' in server) throw new Error(server.skip);
    const database = await createTestDatabase(server.url);
    return {
      open: (options?: { busyTimeoutMs?: number }) => PostgresStore.open(database.url, options),
      dispose: () => database.drop(),
    };
  },
};

await runStoreContract(postgresBackend);

/** Runs `fn` against a new empty database, dropped afterwards. */
async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  if ('skip' in server) throw new Error(server.skip);
  const database = await createTestDatabase(server.url);
  try {
    await fn(database.url);
  } finally {
    await database.drop();
  }
}

/** Runs SQL on its own connection (outside any store). */
async function sql<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function rejectsWith(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(!error.message.includes('\n'), `one-line message: ${error.message}`);
    return error;
  }
  assert.fail(`expected StoreError '${code}'`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('postgres: a new database gets the current schema, numbered like the SQLite one', { skip }, async () => {
  assert.equal(PG_SCHEMA_VERSION, SCHEMA_VERSION, 'every SQLite migration needs its PostgreSQL counterpart');
  await withDatabase(async (url) => {
    const store = await PostgresStore.open(url);
    try {
      assert.equal(store.kind, 'postgres');
      assert.equal(store.schemaVersion, PG_SCHEMA_VERSION);
      assert.deepEqual(await sql(url, 'SELECT version FROM triangulate_schema'), [{ version: PG_SCHEMA_VERSION }]);
      assert.equal(await store.integrityCheck(), 'ok');
    } finally {
      await store.close();
    }
    // Opening again finds the schema current and changes nothing.
    const again = await PostgresStore.open(url, { readonly: true });
    assert.equal(again.schemaVersion, PG_SCHEMA_VERSION);
    await again.close();
  });
});

test('postgres: tables and columns are the SQLite ones (the copy tool goes table by table)', { skip }, async () => {
  const lite = new Database(':memory:');
  for (const step of MIGRATIONS) lite.exec(step);
  const liteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const liteColumns = new Map(liteTables.map((t) => [t, (lite.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name).sort()]));
  lite.close();
  await withDatabase(async (url) => {
    await (await PostgresStore.open(url)).close();
    const rows = await sql<{ table_name: string; column_name: string }>(
      url,
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name",
    );
    const pgColumns = new Map<string, string[]>();
    for (const row of rows) pgColumns.set(row.table_name, [...(pgColumns.get(row.table_name) ?? []), row.column_name]);
    for (const table of PG_ONLY_TABLES) assert.ok(pgColumns.delete(table), table);
    assert.deepEqual(new Map([...pgColumns].sort()), new Map([...liteColumns].sort()));
  });
});

test('postgres: stores opened at once on an empty database migrate it once', { skip }, async () => {
  await withDatabase(async (url) => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url)));
    try {
      for (const store of stores) assert.equal(store.schemaVersion, PG_SCHEMA_VERSION);
      // The migration bumps the clock once; a second run would have bumped it again (or failed on CREATE TABLE).
      assert.deepEqual(await sql(url, 'SELECT id, n::int AS n FROM store_clock'), [{ id: 1, n: 1 }]);
      assert.equal(await stores[0].changeCounter(), 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

test('postgres: a database holding other tables is not a store', { skip }, async () => {
  await withDatabase(async (url) => {
    await sql(url, 'CREATE TABLE invoices (id int)');
    const error = await rejectsWith(PostgresStore.open(url), 'not-a-store');
    assert.match(error.message, /not a Triangulate store/);
    // Nothing of ours was added to it.
    assert.deepEqual(await sql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"), [{ tablename: 'invoices' }]);
  });
});

test('postgres: a schema newer than this program is refused', { skip }, async () => {
  await withDatabase(async (url) => {
    await (await PostgresStore.open(url)).close();
    await sql(url, 'UPDATE triangulate_schema SET version = $1', [PG_SCHEMA_VERSION + 1]);
    await rejectsWith(PostgresStore.open(url), 'newer-schema');
  });
});

test('postgres: an unreachable server or missing database is cannot-open, one line, password hidden', { skip }, async () => {
  const port = await freePort();
  const refused = await rejectsWith(PostgresStore.open(`postgres://alice:Sup3rSecret@127.0.0.1:${port}/news`, { busyTimeoutMs: 2000 }), 'cannot-open');
  assert.ok(!refused.message.includes('Sup3rSecret'), refused.message);
  assert.match(refused.message, new RegExp(`postgres://alice:\\*\\*\\*@127\\.0\\.0\\.1:${port}/news`));
  assert.match(refused.message, /ECONNREFUSED/);

  const missing = new URL((server as { url: string }).url);
  missing.pathname = '/no_such_database_here';
  missing.password = 'An0therSecret';
  const error = await rejectsWith(PostgresStore.open(missing.toString()), 'cannot-open');
  assert.ok(!error.message.includes('An0therSecret'), error.message);
  assert.match(error.message, /no_such_database_here/);

  await rejectsWith(PostgresStore.open('postgres://bob:pw@[bad'), 'cannot-open');
});

test('postgres: read-only stores neither migrate nor write', { skip }, async () => {
  await withDatabase(async (url) => {
    await rejectsWith(PostgresStore.open(url, { readonly: true }), 'cannot-open');
    await (await PostgresStore.open(url)).close();
    const store = await PostgresStore.open(url, { readonly: true });
    try {
      await rejectsWith(store.setMeta('k', 'v'), 'read-only');
      assert.equal(await store.getMeta('k'), null);
    } finally {
      await store.close();
    }
  });
});

test('postgres: the change counter moves with commits made through another connection', { skip }, async () => {
  await withDatabase(async (url) => {
    const writer = await PostgresStore.open(url);
    const reader = await PostgresStore.open(url);
    try {
      const before = await reader.changeCounter();
      await reader.getMeta('x');
      assert.equal(await reader.changeCounter(), before, 'reads do not move it');
      await writer.setMeta('x', '1');
      const afterOne = await reader.changeCounter();
      assert.ok(afterOne > before);
      // A rolled-back transaction commits nothing, so the counter stays.
      await assert.rejects(writer.transaction(async () => {
        await writer.setMeta('x', '2');
        throw new Error('abandon');
      }), /abandon/);
      assert.equal(await reader.changeCounter(), afterOne);
      assert.equal(await reader.getMeta('x'), '1');
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});

test('postgres: write transactions on two connections take turns (no lost update)', { skip }, async () => {
  await withDatabase(async (url) => {
    const stores = [await PostgresStore.open(url), await PostgresStore.open(url)];
    try {
      const increment = (store: PostgresStore) =>
        store.transaction(async () => {
          const n = Number((await store.getMeta('n')) ?? '0');
          await sleep(15);
          await store.setMeta('n', String(n + 1));
        });
      const runs = 12;
      await Promise.all(Array.from({ length: runs }, (_, i) => increment(stores[i % 2])));
      assert.equal(await stores[0].getMeta('n'), String(runs));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

test('postgres: a writer kept waiting past the busy timeout gets busy', { skip }, async () => {
  await withDatabase(async (url) => {
    const holder = await PostgresStore.open(url);
    const waiter = await PostgresStore.open(url, { busyTimeoutMs: 300 });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = holder.transaction(async () => {
        await holder.setMeta('owner', 'holder');
        locked();
        await held;
      });
      await isLocked;
      const started = Date.now();
      const error = await rejectsWith(waiter.setMeta('owner', 'waiter'), 'busy');
      assert.ok(Date.now() - started >= 250, 'waited for the lock first');
      assert.match(error.message, /busy/);
      release();
      await holding;
      // Reads never wait for the lock.
      assert.equal(await waiter.getMeta('owner'), 'holder');
    } finally {
      await Promise.all([holder.close(), waiter.close()]);
    }
  });
});

test('postgres: calls inside a transaction share its connection; nested ones are savepoints', { skip }, async () => {
  await withDatabase(async (url) => {
    const store = await PostgresStore.open(url);
    const other = await PostgresStore.open(url);
    try {
      await store.transaction(async () => {
        await store.setMeta('outer', '1');
        // query() runs on the transaction's connection: it sees the uncommitted row.
        assert.deepEqual(await store.query('SELECT value FROM meta WHERE key = $1', ['outer']), [{ value: '1' }]);
        // Another connection does not see it before the commit.
        assert.equal(await other.getMeta('outer'), null);
        await assert.rejects(
          store.transaction(async () => {
            await store.setMeta('inner', '1');
            throw new Error('inner fails');
          }),
          /inner fails/,
        );
        await store.transaction(async () => store.setMeta('kept', '1'));
      });
      assert.equal(await other.getMeta('outer'), '1');
      assert.equal(await other.getMeta('inner'), null, 'the failed savepoint was rolled back');
      assert.equal(await other.getMeta('kept'), '1');
      // BIGINT results arrive as numbers.
      const [row] = await store.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM meta');
      assert.equal(row.n, 2);
      assert.equal(typeof (await store.articleCount()), 'number');
    } finally {
      await Promise.all([store.close(), other.close()]);
    }
  });
});

test('postgres: a read snapshot does not see a commit made half-way', { skip }, async () => {
  await withDatabase(async (url) => {
    const reader = await PostgresStore.open(url);
    const writer = await PostgresStore.open(url);
    try {
      await writer.setMeta('k', 'before');
      const seen = await reader.readSnapshot(async () => {
        const first = await reader.getMeta('k');
        await writer.setMeta('k', 'after');
        return [first, await reader.getMeta('k')];
      });
      assert.deepEqual(seen, ['before', 'before']);
      assert.equal(await reader.getMeta('k'), 'after');
    } finally {
      await Promise.all([reader.close(), writer.close()]);
    }
  });
});

test('postgres: close waits for a running transaction', { skip }, async () => {
  await withDatabase(async (url) => {
    const store = await PostgresStore.open(url);
    const running = store.transaction(async () => {
      await sleep(50);
      await store.setMeta('late', 'yes');
    });
    await store.close();
    await running;
    assert.deepEqual(await sql(url, "SELECT value FROM meta WHERE key = 'late'"), [{ value: 'yes' }]);
  });
});
