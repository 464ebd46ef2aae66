import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32';
import { accumulateRecords } from './accumulate-records';
import { UsageAccumulator } from './accumulate-usage';
import type { CloudTrailRecord, CloudTrailUserIdentity } from './cloudtrail-record';
import { completeDigest, digestRecords } from './digest-records';
import { SessionOriginIndex } from './session-origins';
import { assumeRoleRecord, assumeRoleWithWebIdentityRecord, bedrockRecord, iamUser, roleSession } from './test-support/records';

const SSO_ROLE = 'AWSReservedSSO_BedrockUsers_0123456789abcdef';

/** The root user as `userIdentity` documents it: an unattributed caller on a standing credential. */
function rootUser(): CloudTrailUserIdentity {
  return { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'AKIAROOTEXAMPLE00000' };
}

/**
 * Files of records where every kind of session origin signs later calls: origins attributed to
 * a person, an IAM user (standing), an OIDC subject; unattributed origins on a standing credential
 * (the root user) and not (an arbitrary session); chains of chains; and calls whose session was
 * never seen. Calls come from plain role sessions, OIDC and EC2 sessions (attributed without an
 * origin), SSO sessions and IAM users, some denied, some without a source address.
 */
function randomFiles(seed: number, fileCount: number): CloudTrailRecord[][] {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const keys: string[] = ['ASIANEVERSEEN0'];
  const files: CloudTrailRecord[][] = [];
  for (let file = 0; file < fileCount; file += 1) {
    const records: CloudTrailRecord[] = [];
    const count = 1 + Math.floor(random() * 30);
    for (let position = 0; position < count; position += 1) {
      const time = `2026-10-${String(1 + Math.floor(random() * 3)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
      const kind = random();
      if (kind < 0.25) {
        const issued = `ASIAKEY${seed}X${file}X${position}`;
        const callerKind = random();
        const caller =
          callerKind < 0.2
            ? iamUser('deployer', 'AKIADEPLOYER0000EXAMPLE')
            : callerKind < 0.35
              ? rootUser()
              : callerKind < 0.5
                ? roleSession(SSO_ROLE, pick(['jane@example.com', 'li@example.com']))
                : roleSession('hop', 'anything', { accessKeyId: pick(keys) });
        records.push(
          callerKind < 0.1 ? { ...assumeRoleWithWebIdentityRecord('github-ci', `repo:example/app:ref:refs/heads/${pick(['main', 'dev'])}`, issued), eventTime: time } : { ...assumeRoleRecord(caller, 'bedrock-runner', 'chain', issued), eventTime: time },
        );
        keys.push(issued);
        continue;
      }
      const overrides: Partial<CloudTrailRecord> = { eventTime: time, requestParameters: { modelId: pick(['amazon.nova-pro-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0']) }, sourceIPAddress: random() < 0.1 ? undefined : `198.51.100.${Math.floor(random() * 3)}` };
      if (random() < 0.1) overrides.errorCode = 'AccessDeniedException';
      const session = random();
      const accessKeyId = pick(keys);
      const identity =
        session < 0.4
          ? roleSession('bedrock-runner', pick(['chain', 'other']), { accessKeyId })
          : session < 0.55
            ? roleSession('github-ci', 'GitHubActions', { accessKeyId, sessionContext: { webIdFederationData: { federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: {} } } })
            : session < 0.65
              ? roleSession('ec2-role', 'i-0123456789abcdef0', { accessKeyId, sessionContext: { ec2RoleDelivery: '2.0' } })
              : session < 0.8
                ? roleSession(SSO_ROLE, 'omar@example.com', { accessKeyId })
                : iamUser('shared-bot');
      records.push(bedrockRecord(identity, overrides));
    }
    files.push(records);
  }
  return files;
}

function sorted<T extends object>(values: Iterable<T>): T[] {
  return [...values].map((value) => JSON.stringify(value)).sort().map((text) => JSON.parse(text) as T);
}

describe('digestRecords + completeDigest', () => {
  it('aggregates exactly as the one-file-at-a-time reading, buckets and standing sources alike, whatever the origins', () => {
    let chained = 0;
    let standingThroughChains = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const files = randomFiles(seed, 1 + (seed % 12));
      const referenceSessions = new SessionOriginIndex();
      const reference = new UsageAccumulator();
      for (const records of files) accumulateRecords(records, referenceSessions, reference);

      const sessions = new SessionOriginIndex();
      const batch = new UsageAccumulator();
      let events = 0;
      for (const records of files) {
        // As a worker thread hands it over: a structured clone.
        const digest = structuredClone(digestRecords(records));
        events += completeDigest(digest, sessions, batch).counts.bedrockEvents;
      }
      expect(sorted(batch.buckets.values())).toEqual(sorted(reference.buckets.values()));
      expect(sorted(batch.standingSources.values())).toEqual(sorted(reference.standingSources.values()));
      expect(batch.events).toBe(reference.events);
      expect(events).toBe(reference.events);
      expect(batch.highWaterMark).toBe(reference.highWaterMark);
      chained += [...reference.buckets.values()].filter((bucket) => bucket.callerBasis === 'role-chain').length;
      standingThroughChains += [...reference.buckets.values()].filter((bucket) => bucket.credential === 'temporary' && bucket.isStandingCredential).length;
    }
    // The generated files exercise what the split must get right.
    expect(chained).toBeGreaterThan(50);
    expect(standingThroughChains).toBeGreaterThan(20);
  });
});
