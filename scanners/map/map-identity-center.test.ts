import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapIdentityCenter } from './map-identity-center';

const FIXTURE = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'identity-center.json'), 'utf8')) as { IdentityCenter: Record<string, unknown> };

describe('mapIdentityCenter', () => {
  it('maps the CLI shapes: primary email, external id, boundary, empty inline policy', () => {
    const { directory } = mapIdentityCenter(FIXTURE.IdentityCenter);
    expect(directory?.instanceArn).toBe('arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6');
    expect(directory?.users[0]).toEqual({ userId: '94482488-3041-7026-18f3-be45837cd0e4', userName: 'jane.doe@example.com', displayName: 'Jane Doe', email: 'jane.doe@example.com', externalId: '00u1ab2cd3EF4gh5I6j7' });
    // No DisplayName and no Primary flag: the name stays unknown, the only email is used.
    expect(directory?.users[1]).toMatchObject({ userName: 'raj.kumar', displayName: null, email: 'raj.kumar@example.com', externalId: null });
    expect(directory?.memberships).toEqual([
      { membershipId: 'c6a0e6fa-b213-70e4-5f6a-7b8c9d0e1f2a', groupId: 'a4e8c4d8-90f1-70c2-3d4e-5f6a7b8c9d0e', userId: '94482488-3041-7026-18f3-be45837cd0e4' },
      { membershipId: 'd7b1f70b-c324-70f5-6a7b-8c9d0e1f2a3b', groupId: 'a4e8c4d8-90f1-70c2-3d4e-5f6a7b8c9d0e', userId: 'f4a8c4e8-d0b1-70a2-2b3c-9d8e7f6a5b4c' },
    ]);
    const [developer, powerUser] = directory?.permissionSets ?? [];
    expect(developer).toMatchObject({ name: 'BedrockDeveloper', sessionDuration: 'PT8H', customerManagedPolicies: [{ name: 'bedrock-guardrail-invoke', path: '/bedrock/' }], permissionsBoundary: null });
    expect(developer?.inlinePolicy).toContain('bedrock:InvokeModel');
    expect(powerUser).toMatchObject({ inlinePolicy: null, permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly', customerManagedPolicy: null } });
  });

  it('skips each bad record with its field path and keeps the rest', () => {
    const { directory, problems } = mapIdentityCenter(FIXTURE.IdentityCenter);
    expect(directory?.users).toHaveLength(2);
    expect(directory?.assignments).toHaveLength(3);
    expect(problems).toEqual([
      'IdentityCenter.Users[2].UserId: Invalid input: expected string, received undefined; this record is skipped',
      'IdentityCenter.AccountAssignments[3].AccountId: must be a 12-digit account id; this record is skipped',
    ]);
  });

  it('reads a missing list as empty and says so', () => {
    const { Groups: _groups, ...withoutGroups } = FIXTURE.IdentityCenter;
    const { directory, problems } = mapIdentityCenter(withoutGroups);
    expect(directory?.groups).toEqual([]);
    expect(problems).toContain('IdentityCenter.Groups: missing; read as empty');
  });

  it('refuses an unusable instance header, naming the field', () => {
    const result = mapIdentityCenter({ ...FIXTURE.IdentityCenter, InstanceArn: 'ssoins-7223a1b2c3d4e5f6' });
    expect(result.directory).toBeNull();
    expect(result.problems[0]).toMatch(/^IdentityCenter\.InstanceArn: must be an instance ARN/);
  });

  it('keeps the first of two records with the same id', () => {
    const users = FIXTURE.IdentityCenter.Users as unknown[];
    const { directory, problems } = mapIdentityCenter({ ...FIXTURE.IdentityCenter, Users: [users[0], users[0]] });
    expect(directory?.users).toHaveLength(1);
    expect(problems).toContain('IdentityCenter.Users: 94482488-3041-7026-18f3-be45837cd0e4 appears twice; the first is kept');
  });
});
