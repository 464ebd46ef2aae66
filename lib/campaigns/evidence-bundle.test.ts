import { describe, expect, it } from 'vitest';
import { auditKeyId } from '../audit/chain';
import { buildEvidenceBundle, verifyEvidenceBundle, type BundleItem } from './evidence-bundle';

const secret = Buffer.from('k'.repeat(32));
const KEY = { id: auditKeyId(secret), secret };
const OTHER = { id: auditKeyId(Buffer.from('o'.repeat(32))), secret: Buffer.from('o'.repeat(32)) };

const item: BundleItem = {
  itemId: 7,
  principalName: '=HYPERLINK("http://x")',
  principalArn: 'arn:aws:iam::296031847562:role/genai-platform-operator',
  principalType: 'role',
  accountId: '296031847562',
  accountName: 'ml-platform-prod',
  entitlementKey: 'k1',
  policyName: 'AmazonBedrockFullAccess',
  tiers: 'invoke customise',
  score: 81,
  reviewerEmail: 'maya@example.com',
  reviewerReason: 'owner-tag',
  status: 'revoked',
  decidedBy: 'maya@example.com',
  decidedAt: '2026-11-20T10:00:00.000Z',
  justification: 'No longer needed',
  keepUntil: null,
  revocationId: 3,
  remediationState: 'verified',
  snapshotId: 2,
};

function bundle(key = KEY) {
  return buildEvidenceBundle({ campaignId: 4, summary: { campaignId: 4 }, items: [item], decisions: [], exportedBy: 'ciso@example.com', now: new Date('2026-12-07T09:00:00Z'), key });
}

describe('campaign evidence bundle', () => {
  it('writes one quoted row per item with names, policy and remediation state, formulas neutralised', () => {
    const items = bundle().files.find((file) => file.name === 'items.csv')!.content.toString('utf8').split('\r\n');
    expect(items[0]).toBe('"item_id","principal_name","principal_arn","principal_type","account_name","account_id","policy_name","entitlement_key","tiers","score","reviewer","reviewer_reason","final_decision","decided_by","decided_at","justification","keep_until","revocation_id","remediation_state","snapshot_id","item_kind","person","person_email","permission_set","via_group"');
    expect(items[1]).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(items[1]).toContain('"ml-platform-prod","296031847562","AmazonBedrockFullAccess"');
    expect(items[1]).toContain('"3","verified","2"');
  });

  it('signs a manifest of SHA-256 digests, who and when, that verifies and detects changes', () => {
    const { manifest, files } = bundle();
    expect(manifest).toMatchObject({ exportedBy: 'ciso@example.com', exportedAt: '2026-12-07T09:00:00.000Z', keyId: KEY.id });
    expect(manifest.files.map((file) => file.name)).toEqual(['items.csv', 'decisions.csv', 'summary.json']);
    expect(manifest.signature).toMatch(/^[0-9a-f]{64}$/);
    const contents = new Map(files.map((file) => [file.name, file.content]));
    expect(verifyEvidenceBundle(manifest, contents, KEY)).toBeNull();
    const edited = new Map(contents).set('items.csv', Buffer.from(contents.get('items.csv')!.toString().replace('revoked', 'attested')));
    expect(verifyEvidenceBundle(manifest, edited, KEY)).toMatch(/items.csv does not match/);
    expect(verifyEvidenceBundle({ ...manifest, exportedBy: 'someone@else' }, contents, KEY)).toMatch(/signature does not match/);
    expect(verifyEvidenceBundle(manifest, contents, OTHER)).toMatch(/not the configured key/);
  });

  it('is unsigned, and says so, without an audit key', () => {
    const { manifest, files } = bundle(null as never);
    expect(manifest.signature).toBeNull();
    expect(verifyEvidenceBundle(manifest, new Map(files.map((file) => [file.name, file.content])), KEY)).toMatch(/unsigned/);
  });
});
