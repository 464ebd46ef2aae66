/** Tests only: one published scan holding `tara.rossi` with AmazonBedrockFullAccess, in a live or offline account. */
import { createHash } from 'node:crypto';
import type { AppDatabase } from '../../../client';
import { accounts, entitlements, policies, policyDocuments, principals, scanAccounts, scans } from '../../../schema';
import { entitlementKey } from '../../../../lib/analysis/entitlements';
import { ACCOUNT, awsManagedPolicy, group, user } from '../../../../lib/revocations/test-support/fixtures';
import { storeActionNames } from '../../test-support/action-lists';

export const FIXTURE_NOW = new Date('2030-01-05T10:00:00Z');
export const tara = user('tara.rossi', { managed: ['AmazonBedrockFullAccess'], groups: ['hackers'] });
const hackers = group('hackers', { managed: ['AmazonBedrockFullAccess'] });
export const TARA_KEY = entitlementKey(tara.arn, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null });

/** Stores the AWS managed policy `name` (its document from the bundled copies) in the scan's account, as the pipeline does. */
export function insertAwsManagedPolicy(database: AppDatabase, scanId: number, name: string): void {
  const policy = awsManagedPolicy(name);
  const text = JSON.stringify(policy.document);
  const hash = createHash('sha256').update(text).digest('hex');
  database.insert(policyDocuments).values({ hash, document: text }).onConflictDoNothing().run();
  database.insert(policies).values({ scanId, accountId: ACCOUNT, arn: policy.arn, name: policy.name, isAwsManaged: true, defaultVersionId: policy.defaultVersionId, documentHash: hash }).run();
}

export function publishTaraFixture(database: AppDatabase, source: 'live' | 'offline'): number {
  const at = FIXTURE_NOW.toISOString();
  database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source, updatedAt: at }).onConflictDoNothing().run();
  const scanId = database.insert(scans).values({ status: 'complete', source, trigger: 'cli', queuedAt: at, finishedAt: at, isPublished: true }).returning({ id: scans.id }).get().id;
  database.insert(scanAccounts).values({ scanId, accountId: ACCOUNT, status: 'ok' }).run();
  const principalId = database
    .insert(principals)
    .values({ scanId, accountId: ACCOUNT, arn: tara.arn, type: 'user', name: tara.name, path: '/', ownerEmail: 'tara@example.com', hasBedrock: true, facts: JSON.stringify({ principal: tara, groups: [hackers] }), analysis: '{}', actionsHash: storeActionNames(database, ['bedrock:InvokeModel']) })
    .returning({ id: principals.id })
    .get().id;
  database.insert(entitlements).values({ scanId, principalId, entitlementKey: TARA_KEY, policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', tiersMask: 1, actionsHash: storeActionNames(database, ['bedrock:InvokeModel']), actionCount: 1, isConditional: false }).run();
  insertAwsManagedPolicy(database, scanId, 'AmazonBedrockFullAccess');
  return scanId;
}
