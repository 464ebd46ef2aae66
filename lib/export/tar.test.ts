import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTar } from './tar';

describe('writeTar', () => {
  it('writes an archive the system tar lists and extracts byte for byte', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
    const items = Buffer.from('"item_id","principal_name"\r\n"1","ünïcode ✓"\r\n');
    const empty = Buffer.alloc(0);
    const exact = Buffer.alloc(512, 'x');
    const archive = path.join(directory, 'bundle.tar');
    fs.writeFileSync(archive, writeTar([
      { name: 'items.csv', content: items, modifiedAt: new Date('2026-12-07T09:00:00Z') },
      { name: 'empty.json', content: empty, modifiedAt: new Date('2026-12-07T09:00:00Z') },
      { name: 'exact.txt', content: exact, modifiedAt: new Date('2026-12-07T09:00:00Z') },
    ]));
    expect(execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n')).toEqual(['items.csv', 'empty.json', 'exact.txt']);
    execFileSync('tar', ['-xf', archive, '-C', directory]);
    expect(fs.readFileSync(path.join(directory, 'items.csv')).equals(items)).toBe(true);
    expect(fs.readFileSync(path.join(directory, 'empty.json')).length).toBe(0);
    expect(fs.readFileSync(path.join(directory, 'exact.txt')).equals(exact)).toBe(true);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('refuses member names that would escape the extraction directory', () => {
    expect(() => writeTar([{ name: '../etc/passwd', content: Buffer.alloc(1), modifiedAt: new Date() }])).toThrow(/safe/);
  });
});
