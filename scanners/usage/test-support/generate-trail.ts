import { writeFileSync } from 'node:fs';
import type { CloudTrailRecord } from '../../../lib/usage/cloudtrail-record';
import { assumeRoleRecord, assumeRoleWithWebIdentityRecord, bedrockRecord, iamUser, roleSession } from '../../../lib/usage/test-support/records';
import { writeTrailFile } from './trail-fixtures';
import { mulberry32 } from '../../../lib/random/mulberry32';

/** A seeded generator, so a generated trail is the same on every run. */
export const seededRandom = mulberry32;

const SSO_ROLE = 'AWSReservedSSO_BedrockUsers_0123456789abcdef';
const MODELS = ['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-pro-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0'];
const EVENTS = ['InvokeModel', 'Converse', 'ConverseStream', 'InvokeModelWithResponseStream'];

/**
 * Writes `files` trail files under `root` with every kind of caller the attribution knows (SSO
 * people with and without `onBehalfOf`, role chains whose AssumeRole is in an EARLIER file, OIDC
 * sessions, IAM users, arbitrary sessions, denied calls, records of other services, records
 * without a time) and, every `damagedEvery` files, a damaged one. Same seed, same files.
 */
export function generateTrail(root: string, seed: number, files: number, options: { damagedEvery?: number } = {}): void {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const issuedKeys: string[] = [];
  for (let index = 0; index < files; index += 1) {
    const day = `2026-10-${String(1 + (index % 28)).padStart(2, '0')}`;
    const minute = String(index % 60).padStart(2, '0');
    const stamp = `${day.replaceAll('-', '')}T${String(index % 24).padStart(2, '0')}${minute}Z`;
    const account = pick(['111122223333', '444455556666']);
    const records: CloudTrailRecord[] = [];
    const count = 5 + Math.floor(random() * 25);
    for (let position = 0; position < count; position += 1) {
      const time = `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
      const overrides: Partial<CloudTrailRecord> = { eventTime: time, eventName: pick(EVENTS), recipientAccountId: account, requestParameters: { modelId: pick(MODELS) }, sourceIPAddress: `198.51.100.${Math.floor(random() * 4)}` };
      if (random() < 0.05) overrides.errorCode = 'AccessDeniedException';
      const kind = random();
      if (kind < 0.15) {
        const key = `ASIACHAIN${seed}X${index}X${position}`;
        const caller = random() < 0.5 ? roleSession(SSO_ROLE, pick(['jane@example.com', 'li@example.com'])) : iamUser('deployer', 'AKIADEPLOYER0000EXAMPLE');
        records.push({ ...assumeRoleRecord(caller, 'bedrock-runner', 'chain', key), eventTime: time });
        issuedKeys.push(key);
      } else if (kind < 0.2) {
        const key = `ASIAOIDC${seed}X${index}X${position}`;
        records.push({ ...assumeRoleWithWebIdentityRecord('github-ci', `repo:example/app:ref:refs/heads/${pick(['main', 'dev'])}`, key), eventTime: time });
        issuedKeys.push(key);
      } else if (kind < 0.45 && issuedKeys.length > 0) {
        // A chained session: its AssumeRole is usually in an earlier file.
        records.push(bedrockRecord(roleSession('bedrock-runner', 'chain', { accessKeyId: pick(issuedKeys) }), overrides));
      } else if (kind < 0.6) {
        records.push(bedrockRecord(roleSession(SSO_ROLE, pick(['jane@example.com', 'li@example.com', 'omar@example.com'])), overrides));
      } else if (kind < 0.7) {
        records.push(bedrockRecord(roleSession(SSO_ROLE, 'jane@example.com', { onBehalfOf: { userId: '94482488-3041-7026-18f3-be45837cd0e4', identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7' } }), overrides));
      } else if (kind < 0.8) {
        records.push(bedrockRecord(iamUser(pick(['shared-bot', 'analytics'])), overrides));
      } else if (kind < 0.9) {
        records.push(bedrockRecord(roleSession('app-role', `session-${Math.floor(random() * 3)}`, { accessKeyId: `ASIAUNKNOWN${Math.floor(random() * 5)}` }), overrides));
      } else if (kind < 0.95) {
        records.push({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventTime: time, awsRegion: 'us-east-1' });
      } else {
        records.push(bedrockRecord(iamUser('shared-bot'), { ...overrides, eventTime: undefined }));
      }
    }
    const file = writeTrailFile(root, account, 'us-east-1', stamp, records, { gzip: index % 3 !== 0, suffix: `g${index}` });
    if (options.damagedEvery !== undefined && index % options.damagedEvery === options.damagedEvery - 1) {
      // Cut off mid-way, as an interrupted download leaves it: must contribute nothing.
      const text = JSON.stringify({ Records: records });
      writeFileSync(file.replace(/\.json(\.gz)?$/, '-damaged.json'), text.slice(0, Math.floor(text.length / 2)));
    }
  }
}
