/**
 * The evidence bundle of one campaign, what an auditor files as is: `items.csv` (one row per
 * item), `decisions.csv` (every decision and delegation in order), `summary.json`, and
 * `manifest.json` holding the SHA-256 of each file, who exported the bundle and when, signed with
 * an HMAC-SHA256 under the audit key (issue #13) when one is configured. Pure: the caller passes
 * the rows, the key and the clock. Columns are documented in the README ("Campaign evidence").
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditKey } from '../audit/chain';
import { buildCsv, type CsvColumn } from './csv';

export interface BundleItem {
  itemId: number;
  principalName: string;
  principalArn: string;
  principalType: string;
  accountId: string;
  accountName: string | null;
  entitlementKey: string;
  policyName: string | null;
  tiers: string;
  score: number;
  reviewerEmail: string;
  reviewerReason: string;
  /** The item's final state: attested, revoked, not-certified, pending. */
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  justification: string | null;
  keepUntil: string | null;
  revocationId: number | null;
  /** The revocation's state (requested, approved, executing, executed, verified, rolled-back, rejected, failed), or null. */
  remediationState: string | null;
  snapshotId: number;
  /** Identity Center assignment items (#14): the person, the permission set and the group (`direct` when assigned directly). */
  itemKind?: string;
  person?: string | null;
  personEmail?: string | null;
  permissionSetName?: string | null;
  viaGroup?: string | null;
}

export interface BundleDecision {
  decisionId: number;
  itemId: number;
  principalName: string;
  accountId: string;
  kind: string;
  decidedBy: string;
  decidedAt: string;
  justification: string;
  keepUntil: string | null;
  delegateTo: string | null;
  snapshotId: number;
  /** Assignment items (#14): the permission set and the group (`direct` when assigned directly). */
  permissionSetName?: string | null;
  viaGroup?: string | null;
}

export const ITEM_COLUMNS: CsvColumn<BundleItem>[] = [
  { header: 'item_id', value: (item) => item.itemId },
  { header: 'principal_name', value: (item) => item.principalName },
  { header: 'principal_arn', value: (item) => item.principalArn },
  { header: 'principal_type', value: (item) => item.principalType },
  { header: 'account_name', value: (item) => item.accountName },
  { header: 'account_id', value: (item) => item.accountId },
  { header: 'policy_name', value: (item) => item.policyName },
  { header: 'entitlement_key', value: (item) => item.entitlementKey },
  { header: 'tiers', value: (item) => item.tiers },
  { header: 'score', value: (item) => item.score },
  { header: 'reviewer', value: (item) => item.reviewerEmail },
  { header: 'reviewer_reason', value: (item) => item.reviewerReason },
  { header: 'final_decision', value: (item) => item.status },
  { header: 'decided_by', value: (item) => item.decidedBy },
  { header: 'decided_at', value: (item) => item.decidedAt },
  { header: 'justification', value: (item) => item.justification },
  { header: 'keep_until', value: (item) => item.keepUntil },
  { header: 'revocation_id', value: (item) => item.revocationId },
  { header: 'remediation_state', value: (item) => item.remediationState },
  { header: 'snapshot_id', value: (item) => item.snapshotId },
  // Appended for Identity Center assignment items (#14); empty on entitlement items.
  { header: 'item_kind', value: (item) => item.itemKind ?? 'entitlement' },
  { header: 'person', value: (item) => item.person ?? null },
  { header: 'person_email', value: (item) => item.personEmail ?? null },
  { header: 'permission_set', value: (item) => item.permissionSetName ?? null },
  { header: 'via_group', value: (item) => item.viaGroup ?? null },
];

export const DECISION_COLUMNS: CsvColumn<BundleDecision>[] = [
  { header: 'decision_id', value: (row) => row.decisionId },
  { header: 'item_id', value: (row) => row.itemId },
  { header: 'principal_name', value: (row) => row.principalName },
  { header: 'account_id', value: (row) => row.accountId },
  { header: 'kind', value: (row) => row.kind },
  { header: 'decided_by', value: (row) => row.decidedBy },
  { header: 'decided_at', value: (row) => row.decidedAt },
  { header: 'justification', value: (row) => row.justification },
  { header: 'keep_until', value: (row) => row.keepUntil },
  { header: 'delegated_to', value: (row) => row.delegateTo },
  { header: 'snapshot_id', value: (row) => row.snapshotId },
  { header: 'permission_set', value: (row) => row.permissionSetName ?? null },
  { header: 'via_group', value: (row) => row.viaGroup ?? null },
];

export interface BundleManifest {
  kind: 'bedrock-access-review.campaign-evidence';
  version: 1;
  campaignId: number;
  exportedBy: string;
  exportedAt: string;
  files: Array<{ name: string; bytes: number; sha256: string }>;
  /** Fingerprint of the audit key that signed the manifest; null when no key is configured. */
  keyId: string | null;
  /** HMAC-SHA256 (hex) of `signedText(manifest)` under the audit key; null when unsigned. */
  signature: string | null;
}

export interface EvidenceBundle {
  manifest: BundleManifest;
  files: Array<{ name: string; content: Buffer }>;
}

/** The exact text the signature covers: the manifest without its signature, as compact JSON. */
export function signedText(manifest: Omit<BundleManifest, 'signature'>): string {
  const { kind, version, campaignId, exportedBy, exportedAt, files, keyId } = manifest;
  return JSON.stringify({ kind, version, campaignId, exportedBy, exportedAt, files, keyId });
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function buildEvidenceBundle(input: { campaignId: number; summary: object; items: readonly BundleItem[]; decisions: readonly BundleDecision[]; exportedBy: string; now: Date; key: AuditKey | null }): EvidenceBundle {
  const files = [
    { name: 'items.csv', content: Buffer.from(buildCsv(ITEM_COLUMNS, input.items), 'utf8') },
    { name: 'decisions.csv', content: Buffer.from(buildCsv(DECISION_COLUMNS, input.decisions), 'utf8') },
    { name: 'summary.json', content: Buffer.from(`${JSON.stringify(input.summary, null, 2)}\n`, 'utf8') },
  ];
  const unsigned: Omit<BundleManifest, 'signature'> = {
    kind: 'bedrock-access-review.campaign-evidence',
    version: 1,
    campaignId: input.campaignId,
    exportedBy: input.exportedBy,
    exportedAt: input.now.toISOString(),
    files: files.map((file) => ({ name: file.name, bytes: file.content.length, sha256: sha256(file.content) })),
    keyId: input.key?.id ?? null,
  };
  const signature = input.key ? createHmac('sha256', input.key.secret).update(signedText(unsigned)).digest('hex') : null;
  return { manifest: { ...unsigned, signature }, files };
}

/** Null when every file matches its digest and the signature holds under the key; else why not. */
export function verifyEvidenceBundle(manifest: BundleManifest, files: ReadonlyMap<string, Buffer>, key: AuditKey | null): string | null {
  for (const entry of manifest.files) {
    const content = files.get(entry.name);
    if (!content) return `${entry.name} is missing`;
    if (sha256(content) !== entry.sha256) return `${entry.name} does not match its SHA-256: it was changed`;
  }
  if (manifest.signature === null) return key ? 'the manifest is unsigned, but an audit key is configured' : null;
  if (!key) return `the manifest is signed with key ${manifest.keyId ?? '?'} and no audit key is configured to check it`;
  if (manifest.keyId !== key.id) return `the manifest is signed with key ${manifest.keyId ?? '?'}, not the configured key ${key.id}`;
  const { signature, ...unsigned } = manifest;
  const expected = Buffer.from(createHmac('sha256', key.secret).update(signedText(unsigned)).digest('hex'), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'the manifest signature does not match: the manifest was edited';
}
