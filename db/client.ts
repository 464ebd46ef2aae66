import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { hashText } from './content-hash';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** `DATABASE_URL` is a file path (a `file:` prefix is tolerated); `:memory:` for tests. */
export function resolveDatabasePath(databaseUrl = process.env.DATABASE_URL): string {
  if (!databaseUrl) return path.join(process.cwd(), 'data', 'app.db');
  return databaseUrl.replace(/^file:/, '');
}

/**
 * The settings every connection needs, the snapshot writer thread's too: WAL so the web server
 * reads while the worker writes, a busy timeout so a concurrent writer waits instead of failing,
 * and foreign keys (off by default in SQLite).
 */
export function applyConnectionSettings(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
}

/**
 * Opens the database with the settings every process needs: WAL so the web server reads while
 * the worker writes, a busy timeout so a concurrent writer waits instead of failing, and
 * foreign keys (off by default in SQLite). Migrations are applied on open.
 */
export function openDatabase(databasePath = resolveDatabasePath()): AppDatabase {
  if (databasePath !== ':memory:') fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const sqlite = new Database(databasePath);
  applyConnectionSettings(sqlite);
  // Migration 0012 keys the action lists it moves as the scan pipeline does (db/content-hash.ts).
  sqlite.function('sha256_hex', { deterministic: true }, (text) => hashText(String(text)));
  const database = drizzle(sqlite, { schema });
  migrate(database, { migrationsFolder: MIGRATIONS_FOLDER });
  return database as AppDatabase;
}

const globalForDatabase = globalThis as unknown as { appDatabase?: AppDatabase };

/** The process-wide connection (kept on globalThis so Next.js dev reloads reuse it). */
export function getDatabase(): AppDatabase {
  if (!globalForDatabase.appDatabase) globalForDatabase.appDatabase = openDatabase();
  return globalForDatabase.appDatabase;
}

/** Closes the process-wide connection (CLI commands and tests). */
export function closeDatabase(): void {
  globalForDatabase.appDatabase?.$client.close();
  globalForDatabase.appDatabase = undefined;
}
