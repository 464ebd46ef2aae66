import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoDay } from './generate-demo-activity';
import { DEMO_ACTIVITY_SEED, readDemoPrincipals } from './write-demo-activity';

const ORG = path.resolve(__dirname, '../../demo/org');

describe('the demo CloudTrail people', () => {
  it('are the Identity Center users assigned to each SSO role\'s permission set in its account', () => {
    const center = (JSON.parse(readFileSync(path.join(ORG, 'identity-center.json'), 'utf8')) as { IdentityCenter: { IdentityStoreId: string; Users: Array<{ UserName: string; UserId: string }> } }).IdentityCenter;
    const idByName = new Map(center.Users.map((user) => [user.UserName, user.UserId]));
    const principals = readDemoPrincipals(ORG);
    const assignedByRole = new Map(principals.map((principal) => [principal.arn, new Set((principal.assignedPeople ?? []).map((person) => person.userName))]));
    const seen = new Set<string>();
    let withUserId = 0;
    for (let date = 1; date <= 14; date += 1) {
      const day = `2026-11-${String(date).padStart(2, '0')}`;
      for (const records of generateDemoDay(day, principals, { seed: DEMO_ACTIVITY_SEED, regionOf: () => 'us-east-1' }).values()) {
        for (const record of records) {
          const identity = record.userIdentity;
          const roleArn = identity?.sessionContext?.sessionIssuer?.arn;
          if (identity?.type !== 'AssumedRole' || roleArn === undefined || !roleArn.includes('AWSReservedSSO_')) continue;
          const sessionName = (identity.arn ?? '').split('/').pop() as string;
          expect(assignedByRole.get(roleArn)?.has(sessionName), `${sessionName} on ${roleArn}`).toBe(true);
          if (identity.onBehalfOf?.userId !== undefined) {
            withUserId += 1;
            expect(identity.onBehalfOf.userId).toBe(idByName.get(sessionName));
            expect(identity.onBehalfOf.identityStoreArn).toMatch(new RegExp(`:identitystore/${center.IdentityStoreId}$`));
          }
          seen.add(sessionName);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(withUserId).toBeGreaterThan(0);
  });
});
