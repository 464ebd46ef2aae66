/**
 * Tests only: IAM facts with every field a test does not care about filled in, so a test names
 * only what it is about (`roleFacts('ml', { accountId, inlinePolicies })`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GroupFacts, ManagedPolicyFacts, RoleFacts, UserFacts } from '../types';

export const TEST_ACCOUNT = '185920374618';
const CREATED = '2024-01-01T00:00:00Z';
const NO_TRUST = { Version: '2012-10-17', Statement: [] };

/** An AWS managed policy as AWS publishes it, read from demo/aws-managed-policies/<name>.json. */
export function awsManagedPolicy(name: string): ManagedPolicyFacts {
  const file = path.join(__dirname, '..', '..', '..', 'demo', 'aws-managed-policies', `${name}.json`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  return { arn: `arn:aws:iam::aws:policy/${name}`, name, path: '/', isAwsManaged: true, defaultVersionId: raw.PolicyVersion.VersionId, document: raw.PolicyVersion.Document };
}

/** The ARNs of AWS managed policies by name. */
export function awsManagedArns(names: readonly string[] = []): string[] {
  return names.map((name) => `arn:aws:iam::aws:policy/${name}`);
}

/** What users and roles have in common: no policies, no boundary, no tags. */
function principalBase(kind: 'user' | 'role', name: string, accountId: string) {
  const idPrefix = kind === 'user' ? 'AIDA' : 'AROA';
  return { arn: `arn:aws:iam::${accountId}:${kind}/${name}`, id: `${idPrefix}${name.toUpperCase()}`, name, path: '/', accountId, createDate: CREATED, inlinePolicies: [], attachedManagedPolicyArns: [], permissionsBoundaryArn: null, tags: {} };
}

/** A role with no policies, no trust and no use, in TEST_ACCOUNT unless `fields` say otherwise. */
export function roleFacts(name: string, fields: Partial<RoleFacts> = {}): RoleFacts {
  const base = principalBase('role', name, fields.accountId ?? TEST_ACCOUNT);
  return { ...base, type: 'role', trustPolicy: NO_TRUST, lastUsedDate: null, lastUsedRegion: null, permissionSetName: null, isServiceLinked: false, ...fields };
}

/** A user with no policies, no groups and no credential data, in TEST_ACCOUNT unless `fields` say otherwise. */
export function userFacts(name: string, fields: Partial<UserFacts> = {}): UserFacts {
  const base = principalBase('user', name, fields.accountId ?? TEST_ACCOUNT);
  return { ...base, type: 'user', groupNames: [], credentials: null, ...fields };
}

/** A group with no policies in TEST_ACCOUNT (or `accountId`). */
export function groupFacts(name: string, fields: Partial<GroupFacts> = {}, accountId = TEST_ACCOUNT): GroupFacts {
  return { arn: `arn:aws:iam::${accountId}:group/${name}`, id: `AGPA${name.toUpperCase()}`, name, path: '/', inlinePolicies: [], attachedManagedPolicyArns: [], ...fields };
}
