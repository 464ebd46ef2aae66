import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AppDatabase } from '../../db/client';
import { resolveDatabasePath } from '../../db/client';
import { requireStringFlag, UsageError, type ParsedArguments } from '../cli-args';

/**
 * Consistent online backup: SQLite's backup API copies pages while other connections keep
 * reading and writing, and the copy is a snapshot of one moment.
 */
export async function backupDatabase(database: AppDatabase, destination: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  await database.$client.backup(destination);
  const check = new Database(destination, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup integrity check failed: ${String(result)}`);
  } finally {
    check.close();
  }
}

export async function backupCommand(database: AppDatabase, parsed: ParsedArguments): Promise<number> {
  const destination = requireStringFlag(parsed, 'to');
  if (fs.existsSync(destination)) throw new UsageError(`${destination} exists; choose a new file`);
  await backupDatabase(database, destination);
  console.log(`Backed up to ${destination} (${fs.statSync(destination).size} bytes).`);
  return 0;
}

/** Replaces the database file with a verified backup. The server and worker must be stopped. */
export function restoreDatabase(source: string, databasePath = resolveDatabasePath()): void {
  if (!fs.existsSync(source)) throw new UsageError(`${source} does not exist`);
  const check = new Database(source, { readonly: true });
  try {
    if (check.pragma('integrity_check', { simple: true }) !== 'ok') throw new UsageError(`${source} is not a healthy SQLite database`);
    const hasAuditLog = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    if (!hasAuditLog) throw new UsageError(`${source} is not a Bedrock Access Review database`);
  } finally {
    check.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const temporary = `${databasePath}.restoring`;
  fs.copyFileSync(source, temporary);
  fs.renameSync(temporary, databasePath);
}

export function restoreCommand(parsed: ParsedArguments): number {
  const source = requireStringFlag(parsed, 'from');
  restoreDatabase(source);
  console.log(`Restored ${resolveDatabasePath()} from ${source}.`);
  return 0;
}
