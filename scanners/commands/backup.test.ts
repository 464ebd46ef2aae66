import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { appendAudit, verifyAuditChain } from '../../db/queries/audit';
import { backupDatabase, restoreDatabase } from './backup';

describe('backup and restore', () => {
  it('takes a consistent online backup while another connection writes, and restores it', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bar-backup-'));
    const databasePath = path.join(directory, 'app.db');
    const database = openDatabase(databasePath);
    for (let index = 0; index < 200; index += 1) appendAudit(database, { actor: 'a', action: 'x', objectType: 't', objectId: index });

    const writer = openDatabase(databasePath);
    const backupPath = path.join(directory, 'backup.db');
    const backingUp = backupDatabase(database, backupPath);
    for (let index = 0; index < 50; index += 1) appendAudit(writer, { actor: 'b', action: 'y', objectType: 't', objectId: index });
    await backingUp;
    writer.$client.close();

    const copy = openDatabase(backupPath);
    const copied = verifyAuditChain(copy);
    expect(copied.isIntact).toBe(true);
    expect(copied.entryCount).toBeGreaterThanOrEqual(200);
    copy.$client.close();

    appendAudit(database, { actor: 'c', action: 'after-backup', objectType: 't', objectId: 1 });
    database.$client.close();
    restoreDatabase(backupPath, databasePath);
    const restored = openDatabase(databasePath);
    expect(verifyAuditChain(restored)).toMatchObject({ isIntact: true, entryCount: copied.entryCount });
    expect(restored.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'after-backup'").get()).toEqual({ n: 0 });
    restored.$client.close();
  });

  it('refuses to restore a file that is not our database', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bar-restore-'));
    const bogus = path.join(directory, 'bogus.db');
    fs.writeFileSync(bogus, 'not sqlite');
    expect(() => restoreDatabase(bogus, path.join(directory, 'app.db'))).toThrow();
  });
});
