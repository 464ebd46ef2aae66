import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from './client';
import { hashText } from './content-hash';
import { loadDriftEntitlements } from './queries/drift';
import { iterateExportedPrincipals } from './queries/export-snapshot';
import { getPrincipalDetail } from './queries/principals/get-principal-detail';
import { listPrincipalEntitlements } from './queries/principals/list-principal-entitlements';
import type { Viewer } from './queries/viewer';
import { importDemoOrganization } from '../scanners/pipeline/test-support/import-demo';

/**
 * Migration 0012 (action lists stored once, content-addressed) on a database written before it:
 * the demo organisation imported by this release is copied into a database at migration 0011 in
 * the shape the previous release wrote (each row holding its own actions text, a principal's
 * actions inside its analysis JSON), migrated, and read through the readers of this release. Both
 * databases must read the same, and the migrated one must key each text as the scan pipeline does.
 */

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const LAST_MIGRATION_BEFORE = 11;
const ADMIN: Viewer = { role: 'admin', email: 'admin@example.com' };

/** The value of an old-shape column, read from this release's rows. */
const OLD_COLUMNS: Record<string, Record<string, string>> = {
  entitlements: { actions: '(SELECT list FROM main.action_lists WHERE hash = main.entitlements.actions_hash)' },
  grants: { actions: '(SELECT list FROM main.action_lists WHERE hash = main.grants.actions_hash)' },
  principals: { analysis: "json_set(main.principals.analysis, '$.actions', json((SELECT list FROM main.action_lists WHERE hash = main.principals.actions_hash)))" },
};

/** A migrations folder holding only the migrations up to `lastIndex`, as the previous release shipped them. */
function migrationsUpTo(directory: string, lastIndex: number): string {
  const folder = path.join(directory, 'migrations');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  const entries = journal.entries.filter((entry) => entry.idx <= lastIndex);
  for (const entry of entries) copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

/** Copies every table of `current` into the database file `oldPath` (at the previous schema), old columns filled as the previous release wrote them. */
function copyIntoOldShape(current: AppDatabase, oldPath: string): void {
  const client = current.$client;
  client.prepare('ATTACH DATABASE ? AS old').run(oldPath);
  // Tables are copied in name order, children before their parents; every reference holds once all are in.
  client.pragma('foreign_keys = OFF');
  try {
    const tables = client.prepare("SELECT name FROM old.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").pluck().all() as string[];
    for (const table of tables) {
      const columns = (client.prepare(`SELECT name FROM pragma_table_info(?, 'old')`).pluck().all(table) as string[]).map((column) => ({ column, value: OLD_COLUMNS[table]?.[column] ?? `main.${table}.${column}` }));
      client.exec(`INSERT INTO old.${table} (${columns.map(({ column }) => column).join(', ')}) SELECT ${columns.map(({ value }) => value).join(', ')} FROM main.${table}`);
    }
  } finally {
    client.pragma('foreign_keys = ON');
    client.prepare('DETACH DATABASE old').run();
  }
}

/** What this release's readers make of a snapshot: each principal's page, its entitlements and grants, drift's entitlements, the export. */
function readEverything(database: AppDatabase, scanId: number) {
  const principalIds = database.$client.prepare('SELECT id FROM principals WHERE scan_id = ? ORDER BY id').pluck().all(scanId) as number[];
  return {
    principals: principalIds.map((id) => ({ detail: getPrincipalDetail(database, ADMIN, id, scanId), entitlements: listPrincipalEntitlements(database, ADMIN, id) })),
    drift: loadDriftEntitlements(database, scanId),
    exported: [...iterateExportedPrincipals(database, scanId)],
  };
}

let directory: string;
let current: AppDatabase;
let migrated: AppDatabase;
let scanId: number;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'action-lists-migration-'));
  ({ database: current, scanId } = await importDemoOrganization());
  const oldPath = path.join(directory, 'previous-release.db');
  const old = new Database(oldPath);
  migrate(drizzle(old), { migrationsFolder: migrationsUpTo(directory, LAST_MIGRATION_BEFORE) });
  old.close();
  copyIntoOldShape(current, oldPath);
  migrated = openDatabase(oldPath);
}, 120_000);

afterAll(() => {
  migrated?.$client.close();
  current?.$client.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('migration 0012 on a snapshot written before it', () => {
  it('reads the same principals, entitlements, grants, drift and export as the snapshot written after it', () => {
    const expected = readEverything(current, scanId);
    expect(expected.principals.length).toBeGreaterThan(200);
    expect(expected.principals.some((principal) => principal.detail.analysis.actions.length > 0 && principal.entitlements.some((entitlement) => entitlement.statements.length > 0))).toBe(true);
    expect(readEverything(migrated, scanId)).toEqual(expected);
  });

  it('keys every moved text by its sha256, as the scan pipeline does, so a rescan shares them', () => {
    const lists = (database: AppDatabase) => database.$client.prepare('SELECT hash, list FROM action_lists ORDER BY hash').all() as Array<{ hash: string; list: string }>;
    const moved = lists(migrated);
    expect(moved.length).toBeGreaterThan(0);
    for (const { hash, list } of moved) expect(hash).toBe(hashText(list));
    expect(moved).toEqual(lists(current));
  });

  it('leaves no actions in the principals\' analysis JSON and no row without its list', () => {
    const client = migrated.$client;
    expect(client.prepare("SELECT count(*) FROM principals WHERE json_type(analysis, '$.actions') IS NOT NULL").pluck().get()).toBe(0);
    for (const table of ['principals', 'entitlements', 'grants']) {
      expect(client.prepare(`SELECT count(*) FROM ${table} WHERE actions_hash NOT IN (SELECT hash FROM action_lists)`).pluck().get(), table).toBe(0);
    }
  });
});
