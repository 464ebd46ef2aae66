import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderRevocationScript, UnrenderableValueError } from './render-cli-script';
import { runScriptWithStubAws } from './test-support/run-script-with-stub-aws';
import type { IamCall, IamCallAction, RevocationPlan } from './types';

const ACCOUNT = '185920374618';

// Pieces an attacker who controls an imported file would put into a name, an ARN or a document.
const HOSTILE_FRAGMENTS = [
  '\n',
  '\r',
  '\r\n',
  '\ntouch PWNED\n',
  '\rtouch PWNED\n',
  "'; touch PWNED; '",
  '$(touch PWNED)',
  '`touch PWNED`',
  '\naws iam delete-user --user-name victim\n',
  '"',
  "'",
  '\\',
  "$'",
  '#',
  ';',
  '&&',
  '|',
  '}',
  '\t',
  '\x0b',
  '\x0c',
  '\x1b[2J',
  '\x7f',
  '\x01',
  '\u0085',
  '\u2028',
  '%0a',
  ' ',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((text) => !text.includes('\0'));

// A document as the CLI prints it: pretty-printed over many lines, hostile text inside strings.
const hostileDocument = fc
  .record({ sid: hostileText, action: hostileText, resource: hostileText })
  .map(({ sid, action, resource }) => ({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Deny', Action: [`bedrock:${action}`], Resource: resource }] }));

const USER_ACTIONS: IamCallAction[] = ['DetachUserPolicy', 'DeleteUserPolicy', 'RemoveUserFromGroup', 'PutUserPolicy', 'AttachUserPolicy', 'AddUserToGroup'];

const hostileCall = (principalName: string): fc.Arbitrary<IamCall> =>
  fc.record({ action: fc.constantFrom(...USER_ACTIONS), value: hostileText, document: hostileDocument }).map(({ action, value, document }): IamCall => {
    const base = { action, principalType: 'user' as const, principalName };
    if (action === 'DetachUserPolicy' || action === 'AttachUserPolicy') return { ...base, policyArn: `arn:aws:iam::${ACCOUNT}:policy/${value}` };
    if (action === 'RemoveUserFromGroup' || action === 'AddUserToGroup') return { ...base, groupName: value };
    if (action === 'DeleteUserPolicy') return { ...base, policyName: value };
    return { ...base, policyName: value, policyDocument: JSON.stringify(document, null, 4) };
  });

const KEBAB = (action: string) => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** The argv the stub must see for a planned call, built independently of the renderer. */
function expectedArgv(call: IamCall): string[] {
  const argv = ['iam', KEBAB(call.action), '--user-name', call.principalName];
  if (call.groupName !== undefined) argv.push('--group-name', call.groupName);
  if (call.policyArn !== undefined) argv.push('--policy-arn', call.policyArn);
  if (call.policyName !== undefined) argv.push('--policy-name', call.policyName);
  if (call.policyDocument !== undefined) argv.push('--policy-document', '(document)');
  return argv;
}

function planOf(input: { principalName: string; entitlementKey: string; reason: string; calls: IamCall[] }): RevocationPlan {
  return {
    version: 1,
    kind: 'deny',
    principalArn: `arn:aws:iam::${ACCOUNT}:user/${input.principalName}`,
    principalType: 'user',
    principalName: input.principalName,
    accountId: ACCOUNT,
    entitlementKey: input.entitlementKey,
    path: { policyKind: 'inline', policyArn: null, policyName: input.principalName, isAwsManaged: false, attachedVia: 'direct', groupName: null },
    reason: input.reason,
    entitlementActions: ['bedrock:InvokeModel'],
    calls: input.calls,
    before: { actions: ['bedrock:InvokeModel'] },
    after: { actions: [], isEntitlementGone: true },
    lostActions: ['bedrock:InvokeModel'],
    collateralActions: [],
    otherPrincipals: [],
    notes: [],
    snapshotCapturedAt: '2030-01-01T00:00:00Z',
    evaluationErrors: [],
  };
}

const hostileScript = hostileText.chain((principalName) =>
  fc.record({
    principalName: fc.constant(principalName),
    entitlementKey: hostileText,
    reason: hostileText,
    calls: fc.array(hostileCall(principalName), { minLength: 1, maxLength: 3 }),
    rollbackCalls: fc.array(hostileCall(principalName), { maxLength: 3 }),
  }),
);

describe('renderRevocationScript under bash (fuzz, stub aws on PATH)', () => {
  it('runs exactly the planned aws calls, whatever the names and documents hold', () => {
    fc.assert(
      fc.property(hostileScript, (input) => {
        const plan = planOf(input);
        const script = renderRevocationScript({ revocationId: 7, plan, rollbackCalls: input.rollbackCalls, generatedAt: '2030-01-01T00:00:00Z' });
        const run = runScriptWithStubAws(script, ACCOUNT);
        expect(run.filesCreated, run.stderr).toEqual([]);
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Revocation applied.');
        const recorded = run.calls.map((argv) => {
          const at = argv.indexOf('--policy-document');
          return at < 0 ? argv : [...argv.slice(0, at + 1), '(document)', ...argv.slice(at + 2)];
        });
        expect(recorded).toEqual([['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'], ...plan.calls.map(expectedArgv)]);
        // Documents travel as single-line JSON that means what the planned document meant.
        plan.calls.forEach((call, index) => {
          if (call.policyDocument === undefined) return;
          const argv = run.calls[index + 1];
          const document = argv[argv.indexOf('--policy-document') + 1];
          expect(document).not.toMatch(/[\n\r]/);
          expect(JSON.parse(document)).toEqual(JSON.parse(call.policyDocument));
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keeps every line but the shebang and the commands a comment or a line of its own making', () => {
    const calls: IamCall[] = [{ action: 'DeleteUserPolicy', principalType: 'user', principalName: 'a\nb', policyName: 'p\rq' }];
    const script = renderRevocationScript({
      revocationId: 1,
      plan: planOf({ principalName: 'a\nb', entitlementKey: 'k\ntouch PWNED', reason: 'r\u2028s\x1b[31m', calls }),
      rollbackCalls: [{ action: 'PutUserPolicy', principalType: 'user', principalName: 'a\nb', policyName: 'p', policyDocument: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}' }],
      generatedAt: '2030-01-01T00:00:00Z',
    });
    expect(script).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]/);
    expect(script).toContain('# Entitlement: k\\ntouch PWNED');
    expect(script).toContain(`run_idempotent aws iam delete-user-policy --user-name $'a\\x0ab' --policy-name $'p\\x0dq'`);
    expect(script).toContain(`#   aws iam put-user-policy --user-name $'a\\x0ab' --policy-name 'p' --policy-document '{"Version":"2012-10-17","Statement":[]}'`);
  });

  it('refuses a NUL byte, which no shell argument can carry', () => {
    const calls: IamCall[] = [{ action: 'DeleteUserPolicy', principalType: 'user', principalName: 'a\0b', policyName: 'p' }];
    expect(() => renderRevocationScript({ revocationId: 1, plan: planOf({ principalName: 'a', entitlementKey: 'k', reason: 'r', calls }), rollbackCalls: [], generatedAt: 'now' })).toThrow(UnrenderableValueError);
  });
});
