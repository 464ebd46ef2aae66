import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTrailFiles, settledDayFolders } from './list-trail-files';
import { writeTrailFile } from './test-support/trail-fixtures';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'trail-list-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const keysOf = async (options?: Parameters<typeof listTrailFiles>[1]) => (await listTrailFiles(root, options)).map((entry) => entry.key);

describe('listTrailFiles', () => {
  it('lists trail files at any depth in delivery order, then by path, and leaves out other files', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261012T0005Z', []);
    writeTrailFile(root, '444455556666', 'eu-west-1', '20261011T2155Z', []);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', [], { gzip: false });
    writeFileSync(path.join(root, 'lookup-events.json'), '{"Events":[]}');
    writeFileSync(path.join(root, 'README.txt'), 'not a trail file');
    writeFileSync(path.join(root, '.partial.json.gz'), '');
    expect(await keysOf()).toEqual([
      // No delivery time in the name sorts first.
      'lookup-events.json',
      'AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-1/2026/10/11/111122223333_CloudTrail_us-east-1_20261011T2155Z_EXAMPLEa1b2c3.json',
      'AWSLogs/o-exampleorgid/444455556666/CloudTrail/eu-west-1/2026/10/11/444455556666_CloudTrail_eu-west-1_20261011T2155Z_EXAMPLEa1b2c3.json.gz',
      'AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-1/2026/10/12/111122223333_CloudTrail_us-east-1_20261012T0005Z_EXAMPLEa1b2c3.json.gz',
    ]);
  });

  it('lists a linked trail file as the recursive listing did, and a missing root as nothing', async () => {
    const real = writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', []);
    symlinkSync(real, path.join(root, 'linked_CloudTrail_us-east-1_20261011T2156Z_x.json.gz'));
    expect(await keysOf()).toContain('linked_CloudTrail_us-east-1_20261011T2156Z_x.json.gz');
    expect(await listTrailFiles(path.join(root, 'absent'))).toEqual([]);
  });

  it('does not open the folders it is told to skip', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261010T2155Z', []);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', []);
    const skipped = 'AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-1/2026/10/10';
    expect(await keysOf({ skipFolders: new Set([skipped]) })).toEqual(['AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-1/2026/10/11/111122223333_CloudTrail_us-east-1_20261011T2155Z_EXAMPLEa1b2c3.json.gz']);
  });

  it('reads thousands of folders', async () => {
    for (let day = 1; day <= 12; day += 1) {
      for (let account = 0; account < 8; account += 1) mkdirSync(path.join(root, 'AWSLogs', 'o-x', String(100000000000 + account), 'CloudTrail', 'us-east-1', '2026', '10', String(day).padStart(2, '0')), { recursive: true });
      writeTrailFile(root, '100000000007', 'us-east-1', `202610${String(day).padStart(2, '0')}T1200Z`, []);
    }
    expect(await keysOf()).toHaveLength(12);
  });
});

describe('settledDayFolders', () => {
  const key = (account: string, day: string, name = 'f.json.gz') => `AWSLogs/o-x/${account}/CloudTrail/us-east-1/${day}/${name}`;

  it('settles the day folders imported from before the cut-off day, and nothing else', () => {
    const settled = settledDayFolders([key('111122223333', '2026/10/09'), key('111122223333', '2026/10/09', 'g.json.gz'), key('111122223333', '2026/10/10'), key('111122223333', '2026/10/11'), 'lookup-events.json', 'flat/trail.json'], '2026-10-11');
    expect([...settled].sort()).toEqual(['AWSLogs/o-x/111122223333/CloudTrail/us-east-1/2026/10/09', 'AWSLogs/o-x/111122223333/CloudTrail/us-east-1/2026/10/10']);
  });
});
