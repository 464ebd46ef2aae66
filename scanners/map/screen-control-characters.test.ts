import { describe, expect, it } from 'vitest';
import { buildSnapshot } from './build-snapshot';
import { FIXTURE_ACCOUNT_ID, loadAuthorizationDetailsFixture } from './fixtures/load-fixtures';
import { screenControlCharacters } from './screen-control-characters';

describe('screenControlCharacters', () => {
  it('keeps real IAM data as it is', () => {
    const details = loadAuthorizationDetailsFixture();
    expect(screenControlCharacters(details)).toEqual({ details, problems: [] });
  });

  it.each([
    ['UserDetailList', 0, 'UserName', (entry: Record<string, unknown>): void => void (entry.UserName = 'maya.chen\ntouch PWNED')],
    ['UserDetailList', 0, 'Arn', (entry: Record<string, unknown>): void => void (entry.Arn = `arn:aws:iam::${FIXTURE_ACCOUNT_ID}:user/maya\r`)],
    ['UserDetailList', 0, 'UserPolicyList[0].PolicyName', (entry: Record<string, unknown>): void => void ((entry.UserPolicyList as Array<Record<string, unknown>>)[0].PolicyName = 'p\u2028q')],
    ['UserDetailList', 0, 'GroupList[0]', (entry: Record<string, unknown>): void => void ((entry.GroupList as string[])[0] = 'ml\x1b[2J')],
    ['RoleDetailList', 1, 'AttachedManagedPolicies[0].PolicyArn', (entry: Record<string, unknown>): void => void ((entry.AttachedManagedPolicies as Array<Record<string, unknown>>)[0].PolicyArn = 'arn:aws:iam::aws:policy/X\n')],
    ['GroupDetailList', 0, 'GroupName', (entry: Record<string, unknown>): void => void (entry.GroupName = 'ml\x00')],
    ['Policies', 0, 'PolicyName', (entry: Record<string, unknown>): void => void (entry.PolicyName = 'Bedrock\x7f')],
  ] as const)('leaves out %s[%i] whose %s holds a control character, names the field, keeps the rest', (list, index, field, corrupt) => {
    const details = loadAuthorizationDetailsFixture();
    const entries = details[list] as unknown as Array<Record<string, unknown>>;
    const before = entries.length;
    corrupt(entries[index]);
    const screened = screenControlCharacters(details);
    expect(screened.problems).toEqual([expect.stringContaining(`${list}[${index}].${field} holds a control character`)]);
    expect(screened.problems[0]).not.toMatch(/[\n\r\u2028\x1b\x00\x7f]/);
    expect((screened.details[list] as unknown[]).length).toBe(before - 1);
    expect(entries.length).toBe(before); // the input is not changed
    for (const other of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const) if (other !== list) expect(screened.details[other]).toEqual(details[other]);
  });

  it('is reported by buildSnapshot with the file it came from, and the account is still imported', () => {
    const details = loadAuthorizationDetailsFixture();
    details.UserDetailList[1].UserName = 'legacy-bot\necho pwned';
    const result = buildSnapshot({ capturedAt: '2026-11-01T00:00:00.000Z', organization: null, accounts: [{ accountId: FIXTURE_ACCOUNT_ID, details, origin: 'imports/prod.json' }] });
    expect(result.warnings).toEqual([expect.stringMatching(/^imports\/prod\.json: UserDetailList\[1\]\.UserName holds a control character \(U\+000A\).*user "legacy-bot\\necho pwned" was not imported$/)]);
    expect(result.snapshot.accounts[0].users.map((user) => user.name)).toEqual(['maya.chen']);
    expect(result.snapshot.accounts[0].roles).toHaveLength(3);
  });
});
