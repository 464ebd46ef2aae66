import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/queries/audit';
import { createTestDatabase } from '../../db/test-database';
import { parseArguments } from '../cli-args';
import { auditCheckpointCommand, auditVerifyCommand } from './audit';

describe('audit checkpoint / audit verify --checkpoint', () => {
  it('appends signed checkpoints to a file and reports a truncated tail against them', () => {
    const database = createTestDatabase();
    for (let index = 0; index < 5; index += 1) appendAudit(database, { actor: 'admin@example.com', action: 'revocation.executed', objectType: 'revocation', objectId: index });
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-checkpoint-'));
    const file = path.join(directory, 'checkpoints.jsonl');
    const lines: string[] = [];
    expect(auditCheckpointCommand(database, parseArguments(['audit', 'checkpoint', '--to', file, '--as', 'admin@example.com']))).toBe(0);
    appendAudit(database, { actor: 'admin@example.com', action: 'revocation.executed', objectType: 'revocation', objectId: 9 });
    expect(auditCheckpointCommand(database, parseArguments(['audit', 'checkpoint', '--to', file]))).toBe(0);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);

    expect(auditVerifyCommand(database, parseArguments(['audit', 'verify', '--checkpoint', file]), (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^Audit log intact: 8 entries; key [0-9a-f]{16} from BAR_AUDIT_KEY\.$/);
    expect(lines.slice(1)).toEqual([expect.stringContaining('holds'), expect.stringContaining('holds')]);

    database.$client.exec('DROP TRIGGER audit_log_no_delete');
    database.$client.prepare('DELETE FROM audit_log WHERE id >= 7').run();
    lines.length = 0;
    expect(auditVerifyCommand(database, parseArguments(['audit', 'verify', '--checkpoint', file]), (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain('Audit log intact: 6 entries');
    expect(lines[1]).toContain('holds');
    expect(lines[2]).toMatch(/FAILS: entry 8, the head .* is gone: the log was truncated/);
    fs.rmSync(directory, { recursive: true });
  });
});
