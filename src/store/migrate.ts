// Copies an SQLite store into an empty PostgreSQL store, keeping every id, so that links, cached dossiers and
// story ids printed earlier stay valid. The copy is one PostgreSQL transaction (a failure half-way leaves the
// target as it was) and is checked before it commits: row counts and a checksum per table must match what
// was read from SQLite, else nothing is kept.
//
// The two schemas have the same tables and columns (src/store/migrations.ts, src/store/postgres-migrations.ts);
// the columns to copy are read from the SQLite file itself, so a column added to both later is copied
// without touching this file, and one missing from PostgreSQL stops the copy before anything is written.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type pg from 'pg';
import { StoreError } from './errors/store-error.js';
import { SCHEMA_VERSION } from './migrations.js';
import { PostgresStore, WRITE_LOCK_KEY } from './postgres.js';
import { isPostgresUrl, redactUrl } from './target.js';

/**
 * The store's tables in the order they are copied: a table comes after those its rows point to (articles to
 * stories, versions and duplicates to articles), so the copy also suits a PostgreSQL schema with foreign keys.
 */
export const COPY_ORDER = ['stories', 'articles', 'article_versions', 'duplicates', 'dossiers', 'meta', 'counters', 'feeds'] as const;

export type CopiedTable = (typeof COPY_ORDER)[number];

/** How far the copy of one table is, for a progress line. */
export interface MigrateProgress {
  table: CopiedTable;
  /** Rows of this table copied so far. */
  copied: number;
  /** Rows of this table in the SQLite store. */
  total: number;
}

/** One table's outcome: both counts, and the checksum both sides agreed on. */
export interface TableReport {
  table: CopiedTable;
  /** Rows read from SQLite. */
  source: number;
  /** Rows in PostgreSQL after the copy (equal to `source`, or the migration fails). */
  target: number;
  /** MD5 (hex) over the table's rows in key order, computed on both sides. */
  checksum: string;
  /** Columns left out of the checksum because PostgreSQL keeps them in another type (e.g. jsonb); their rows are still counted. */
  uncheckedColumns: string[];
}

export interface MigrateReport {
  /** The SQLite file. */
  from: string;
  /** The PostgreSQL URL with its password replaced by "***". */
  to: string;
  tables: TableReport[];
  /** Id sequences moved past the copied ids, with the next id each hands out. */
  sequences: { table: CopiedTable; column: string; next: number }[];
}

export interface MigrateOptions {
  /** Called after each chunk of rows is written, and once at the start of every table. */
  onProgress?: (progress: MigrateProgress) => void;
}

/** Most rows in one INSERT; PostgreSQL takes at most 65,535 parameters per statement. */
const CHUNK_ROWS = 500;
const MAX_PARAMETERS = 65_535;
/** Flush a chunk early past this many characters of text, so that a chunk of long articles stays small in memory. */
const CHUNK_CHARS = 8_000_000;

const NULL_MARK = '\\N';

interface SourceColumn {
  name: string;
  /** Position in the primary key (1-based), 0 when not part of it. */
  pk: number;
}

interface TableSource {
  table: CopiedTable;
  columns: SourceColumn[];
  rows: number;
}

/**
 * Opens `file` read-only and checks that it is a Triangulate store of this program's schema version.
 * Throws StoreError: 'cannot-open' (missing, a folder, unreadable, older schema), 'not-a-store', 'newer-schema'.
 */
export function openSource(file: string): Database.Database {
  if (!existsSync(file)) throw new StoreError('cannot-open', `no store at ${file}`);
  if (statSync(file).isDirectory()) throw new StoreError('cannot-open', `${file}: is a folder, not a store file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError('cannot-open', `cannot open store ${file}: ${(error as Error).message}`);
  }
  try {
    let version: number;
    let tables: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      tables = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number }).n;
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') throw new StoreError('not-a-store', `${file}: not a Triangulate store (file is not a database)`);
      throw new StoreError('cannot-open', `cannot read store ${file}: ${(error as Error).message}`);
    }
    if (version === 0) {
      throw new StoreError('not-a-store', `${file}: not a Triangulate store (${tables ? 'an SQLite database with other tables' : 'an empty database'})`);
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreError('newer-schema', `store ${file} has schema version ${version}, newer than this program's ${SCHEMA_VERSION}; upgrade triangulate`);
    }
    if (version < SCHEMA_VERSION) {
      // Upgrading here would write to a file the user asked us only to read; any store command upgrades it.
      throw new StoreError('cannot-open', `store ${file} has schema version ${version}, older than this program's ${SCHEMA_VERSION}; upgrade it first (run: triangulate stories --store ${file})`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Columns and row count of every copied table, read inside the caller's read transaction. */
function describeSource(db: Database.Database): TableSource[] {
  const present = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  // A table the copy does not know would be lost silently: a schema change must add it to COPY_ORDER.
  const unknown = present.filter((name) => !(COPY_ORDER as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`migrate: SQLite table(s) ${unknown.join(', ')} are not in COPY_ORDER; add them there`);
  return COPY_ORDER.map((table) => {
    if (!present.includes(table)) throw new Error(`migrate: SQLite store has no table ${table} at schema version ${SCHEMA_VERSION}`);
    const columns = (db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as SourceColumn[]).map(({ name, pk }) => ({ name, pk }));
    const rows = (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    return { table, columns, rows };
  });
}

/** How a column enters the checksum; decided by its PostgreSQL type, so that both sides print it alike. */
type ChecksumKind = 'text' | 'integer' | 'skip';

function checksumKind(pgType: string): ChecksumKind {
  if (pgType === 'text' || pgType === 'character varying' || pgType === 'character') return 'text';
  if (pgType === 'integer' || pgType === 'bigint' || pgType === 'smallint') return 'integer';
  return 'skip';
}

interface TablePlan extends TableSource {
  kinds: ChecksumKind[];
  /** Primary-key columns in key order: the order rows are read, written and checksummed in. */
  key: string[];
  /** Columns of PostgreSQL integer type, to order text keys bytewise only where they are text. */
  textKey: Set<string>;
}

/** Matches every SQLite column to one in PostgreSQL; a missing one is a schema mismatch (a bug), thrown as Error. */
async function planTables(client: pg.PoolClient, sources: TableSource[]): Promise<TablePlan[]> {
  const result = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1::text[])`,
    [sources.map((s) => s.table)],
  );
  const types = new Map(result.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  return sources.map((source) => {
    const kinds = source.columns.map((column) => {
      const type = types.get(`${source.table}.${column.name}`);
      if (type === undefined) throw new Error(`migrate: PostgreSQL table ${source.table} has no column ${column.name} (the two schemas differ)`);
      return checksumKind(type);
    });
    const keyColumns = source.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    // Every store table has a primary key; rowid order would not be reproducible on the PostgreSQL side.
    if (keyColumns.length === 0) throw new Error(`migrate: SQLite table ${source.table} has no primary key`);
    const textKey = new Set(keyColumns.filter((c) => kinds[source.columns.indexOf(c)] === 'text').map((c) => c.name));
    return { ...source, kinds, key: keyColumns.map((c) => c.name), textKey };
  });
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** One row's hash, as `rowChecksumSql` computes it in PostgreSQL. */
function rowChecksum(values: unknown[], kinds: ChecksumKind[]): string {
  const parts: string[] = [];
  kinds.forEach((kind, i) => {
    if (kind === 'skip') return;
    const value = values[i];
    if (value === null || value === undefined) parts.push(NULL_MARK);
    else parts.push(kind === 'text' ? md5(String(value)) : String(value));
  });
  return md5(parts.join('|'));
}

function rowChecksumSql(plan: TablePlan): string {
  const parts = plan.columns
    .map((column, i) => {
      const kind = plan.kinds[i];
      if (kind === 'skip') return null;
      const expression = kind === 'text' ? `md5(${quote(column.name)})` : `${quote(column.name)}::text`;
      return `coalesce(${expression}, '\\N')`;
    })
    .filter((part): part is string => part !== null);
  // concat_ws skips NULLs, which is why each part is coalesced first.
  return `md5(concat_ws('|', ${parts.join(', ')}))`;
}

/** ORDER BY for the table's key; text keys bytewise ("C"), which is how SQLite's BINARY collation orders UTF-8. */
function orderBy(plan: TablePlan, target: boolean): string {
  return plan.key.map((name) => (target && plan.textKey.has(name) ? `${quote(name)} COLLATE "C"` : quote(name))).join(', ');
}

/** Refuses a target that already holds data: merging two stores would clash on ids. Throws StoreError 'cannot-open'. */
async function checkEmpty(client: pg.PoolClient, to: string): Promise<void> {
  // Articles first: their count is what the user knows a store by.
  for (const table of ['articles', ...COPY_ORDER.filter((name) => name !== 'articles')]) {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
    const n = Number(rows[0].n);
    if (n === 0) continue;
    const what = table === 'articles' || table === 'stories' ? `${n.toLocaleString('en-US')} ${n === 1 ? table.slice(0, -1) : table}` : `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'} in table ${table}`;
    throw new StoreError('cannot-open', `target ${to} already holds ${what}; migrate into an empty database`);
  }
}

/** Writes `rows` (values in `columns` order) in one multi-row INSERT keeping their ids. */
async function insertRows(client: pg.PoolClient, plan: TablePlan, rows: unknown[][]): Promise<void> {
  const width = plan.columns.length;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = params.length;
    params.push(...row);
    return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  if (params.length !== rows.length * width) throw new Error('migrate: row width does not match the column list');
  try {
    // OVERRIDING SYSTEM VALUE lets the copied ids into identity columns too (a no-op for serial ones).
    await client.query(
      `INSERT INTO ${quote(plan.table)} (${plan.columns.map((c) => quote(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
      params,
    );
  } catch (error) {
    // The server's message alone ("invalid byte sequence for encoding UTF8: 0x00") does not say where.
    const first = plan.key.map((name) => `${name} ${String(rows[0][plan.columns.findIndex((c) => c.name === name)])}`).join(', ');
    throw Object.assign(new Error(`migrate: copying ${plan.table} (a chunk of ${rows.length} rows from ${first}) failed: ${(error as Error).message}`, { cause: error }), {
      code: (error as { code?: unknown }).code,
    });
  }
}

/**
 * Streams one table from SQLite into PostgreSQL in chunks; returns the checksum of what was read. While the
 * server writes one chunk, the next is read and hashed here (at most one INSERT in flight, so memory stays
 * at about two chunks), so this process's reading and hashing overlap the server's work.
 */
async function copyTable(db: Database.Database, client: pg.PoolClient, plan: TablePlan, onProgress?: (p: MigrateProgress) => void): Promise<string> {
  const perChunk = Math.max(1, Math.min(CHUNK_ROWS, Math.floor(MAX_PARAMETERS / plan.columns.length)));
  const outer = createHash('md5');
  const statement = db.prepare(`SELECT ${plan.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(plan.table)} ORDER BY ${orderBy(plan, false)}`).raw(true);
  let chunk: unknown[][] = [];
  let chars = 0;
  let read = 0;
  let copied = 0;
  let inFlight: Promise<void> | null = null;
  const send = async (rows: unknown[][]) => {
    if (inFlight) await inFlight;
    const insert = insertRows(client, plan, rows).then(() => {
      copied += rows.length;
      onProgress?.({ table: plan.table, copied, total: plan.rows });
    });
    // Awaited by the next send or at the end; until then a failure must not count as unhandled.
    insert.catch(() => undefined);
    inFlight = insert;
  };
  onProgress?.({ table: plan.table, copied, total: plan.rows });
  try {
    // The iterator keeps SQLite's statement open across the awaits below; nothing else uses this connection meanwhile.
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      outer.update(rowChecksum(row, plan.kinds));
      chunk.push(row);
      read++;
      for (const value of row) if (typeof value === 'string') chars += value.length;
      if (chunk.length >= perChunk || chars >= CHUNK_CHARS) {
        await send(chunk);
        chunk = [];
        chars = 0;
      }
    }
    if (chunk.length) await send(chunk);
  } finally {
    // Even after a failure: the transaction is rolled back only once no INSERT is still running on the client.
    if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
  }
  await inFlight;
  if (read !== plan.rows || copied !== plan.rows) throw new Error(`migrate: read ${read} rows of ${plan.table} from SQLite and wrote ${copied}, counted ${plan.rows}`);
  return outer.digest('hex');
}

/** Count and checksum of one table as PostgreSQL holds it now (inside the copying transaction). */
async function targetSummary(client: pg.PoolClient, plan: TablePlan): Promise<{ rows: number; checksum: string }> {
  const { rows } = await client.query<{ n: string; checksum: string }>(
    `SELECT COUNT(*) AS n, md5(coalesce(string_agg(${rowChecksumSql(plan)}, '' ORDER BY ${orderBy(plan, true)}), '')) AS checksum
     FROM ${quote(plan.table)}`,
  );
  return { rows: Number(rows[0].n), checksum: rows[0].checksum };
}

/** Moves every id sequence of the copied tables past the highest copied id, so new rows get fresh ids. */
async function advanceSequences(client: pg.PoolClient, plans: TablePlan[]): Promise<MigrateReport['sequences']> {
  const moved: MigrateReport['sequences'] = [];
  for (const plan of plans) {
    for (const column of plan.columns) {
      const { rows } = await client.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [quote(plan.table), column.name]);
      const sequence = rows[0].seq;
      if (!sequence) continue;
      // is_called false: the next nextval() returns exactly max + 1 (1 for an empty table), as SQLite would.
      const next = await client.query<{ next: string }>(
        `SELECT setval($1::regclass, coalesce(max(${quote(column.name)}), 0) + 1, false) AS next FROM ${quote(plan.table)}`,
        [sequence],
      );
      moved.push({ table: plan.table, column: column.name, next: Number(next.rows[0].next) });
    }
  }
  return moved;
}

/**
 * Tells every process watching the target (caches reading `changeCounter`) that its content changed: the
 * PostgreSQL store's change counter is `store_clock.n` (see postgres-migrations.ts), bumped by every write.
 */
async function touchStoreClock(client: pg.PoolClient): Promise<void> {
  await client.query('UPDATE store_clock SET n = n + 1 WHERE id = 1');
}

/**
 * Server conditions the user can act on, met while copying, as one-line StoreErrors; anything else (a bug,
 * a row PostgreSQL refuses) passes through with its stack.
 */
function serverError(error: unknown, to: string): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === '55P03') return new StoreError('busy', `${to}: another client kept the store locked for too long; stop the programs writing to it and try again`);
  if (code === '53100') return new StoreError('disk-full', `${to}: the database server's disk is full`);
  if (code === '25006') return new StoreError('read-only', `${to}: the database is read-only for this login`);
  if (code === '42501') return new StoreError('read-only', `${to}: this login may not write the store's tables (${(error as Error).message})`);
  return error;
}

/** Failures to reach or log into the server become one line naming the (redacted) URL. */
function targetError(error: unknown, to: string): unknown {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('cannot-open', `cannot open PostgreSQL store ${to}: ${message}`);
}

/**
 * Copies the SQLite store `from` into the PostgreSQL database at `to` (created as a store if new), keeping
 * ids, in one transaction, then checks counts and checksums per table before committing.
 *
 * Throws StoreError (one line, no stack needed) for: `to` not a postgres:// URL, a missing or unreadable
 * `from`, a file that is not a Triangulate store or has another schema version, a server that cannot be
 * reached or refuses the login, and a target that already holds data. A mismatch found by the check (a bug,
 * not a user mistake) is a plain Error; in every failure the target is left as it was before.
 */
export async function migrateSqliteToPostgres(from: string, to: string, options: MigrateOptions = {}): Promise<MigrateReport> {
  const shownTo = redactUrl(to);
  if (!isPostgresUrl(to)) throw new StoreError('cannot-open', `--to ${shownTo}: not a PostgreSQL URL (use postgres://user@host:5432/database)`);
  const db = openSource(from);
  try {
    let target: PostgresStore;
    try {
      // Creates the store's schema in a new database, and refuses one holding another program's tables.
      target = await PostgresStore.open(to, {});
    } catch (error) {
      throw targetError(error, shownTo);
    }
    try {
      const client = await target.pool.connect().catch((error: unknown) => {
        throw targetError(error, shownTo);
      });
      try {
        return await copyAll(db, client, from, shownTo, options);
      } finally {
        client.release();
      }
    } finally {
      await target.close();
    }
  } finally {
    db.close();
  }
}

async function copyAll(db: Database.Database, client: pg.PoolClient, from: string, to: string, options: MigrateOptions): Promise<MigrateReport> {
  // One read transaction over the whole copy: a process writing the SQLite file meanwhile (WAL) is not seen
  // half-way, so counts, rows and checksums all describe one moment.
  db.exec('BEGIN');
  try {
    const sources = describeSource(db);
    await client.query('BEGIN');
    try {
      // Nobody may write the target while it is filled: two stores' ids would clash. Store writers queue on
      // the advisory write lock (see postgres.ts); the table lock also stops any other client.
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      await client.query(`LOCK TABLE ${COPY_ORDER.map(quote).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
      await checkEmpty(client, to);
      const plans = await planTables(client, sources);
      const checksums = new Map<CopiedTable, string>();
      for (const plan of plans) checksums.set(plan.table, await copyTable(db, client, plan, options.onProgress));
      const sequences = await advanceSequences(client, plans);
      await touchStoreClock(client);
      const tables: TableReport[] = [];
      for (const plan of plans) {
        const summary = await targetSummary(client, plan);
        const checksum = checksums.get(plan.table) as string;
        if (summary.rows !== plan.rows) throw new Error(`migrate: ${plan.table} has ${summary.rows} rows in PostgreSQL after the copy, ${plan.rows} in SQLite; nothing was kept`);
        if (summary.checksum !== checksum) throw new Error(`migrate: ${plan.table} differs between SQLite and PostgreSQL after the copy (checksum); nothing was kept`);
        const uncheckedColumns = plan.columns.filter((_, i) => plan.kinds[i] === 'skip').map((c) => c.name);
        tables.push({ table: plan.table, source: plan.rows, target: summary.rows, checksum, uncheckedColumns });
      }
      await client.query('COMMIT');
      return { from, to, tables, sequences };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw serverError(error, to);
    }
  } finally {
    db.exec('COMMIT');
  }
}
