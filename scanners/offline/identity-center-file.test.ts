import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOfflineDirectory } from './read-directory';
import { toAccountSources } from './to-account-sources';

const FIXTURES = path.resolve(__dirname, '../map/fixtures');
const authorizationText = readFileSync(path.join(FIXTURES, 'authorization-details.json'), 'utf8');
const identityCenterText = readFileSync(path.join(FIXTURES, 'identity-center.json'), 'utf8');

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'offline-identity-center-'));
  writeFileSync(path.join(directory, 'account.json'), authorizationText);
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('identity-center.json in an offline import', () => {
  it('is recognised by content whatever its name, and its bad records are named by file and field', async () => {
    writeFileSync(path.join(directory, 'sso-export.json'), identityCenterText);
    const { files, errors } = await readOfflineDirectory(directory);
    expect(errors).toEqual([]);
    const sources = toAccountSources(files);
    expect(sources.identityCenter?.users.map((user) => user.userName)).toEqual(['jane.doe@example.com', 'raj.kumar']);
    expect(sources.accounts).toHaveLength(1);
    const file = path.join(directory, 'sso-export.json');
    expect(sources.warnings).toEqual([
      `${file}: IdentityCenter.Users[2].UserId: Invalid input: expected string, received undefined; this record is skipped`,
      `${file}: IdentityCenter.AccountAssignments[3].AccountId: must be a 12-digit account id; this record is skipped`,
    ]);
  });

  it('refuses a file whose instance header is unusable, naming the field, and imports the accounts', async () => {
    writeFileSync(path.join(directory, 'identity-center.json'), identityCenterText.replace('"d-9067a1b2c3",\n        "Users"', '42,\n        "Users"'));
    const { files, errors } = await readOfflineDirectory(directory);
    expect(errors).toEqual([{ file: path.join(directory, 'identity-center.json'), code: 'invalid-shape', message: expect.stringContaining('IdentityCenter.IdentityStoreId') as string }]);
    expect(files.map((file) => file.kind)).toEqual(['authorization-details']);
  });

  it('uses the first of two Identity Center files and reports the second', async () => {
    writeFileSync(path.join(directory, 'a-identity-center.json'), identityCenterText);
    writeFileSync(path.join(directory, 'b-identity-center.json'), identityCenterText);
    const { errors } = await readOfflineDirectory(directory);
    expect(errors.map((error) => [path.basename(error.file), error.code])).toEqual([['b-identity-center.json', 'duplicate-identity-center']]);
  });
});
