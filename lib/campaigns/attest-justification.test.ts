import { describe, expect, it } from 'vitest';
import type { ItemUsageEvidence } from '../usage/item-usage-evidence';
import { attestConcerns, attestJustificationError, attestQuestion, type AttestFacts } from './attest-justification';

const unused: ItemUsageEvidence = { windowDays: 90, calls: 0, deniedCalls: 0, lastUsed: null, callers: [], callerCount: 0, isUnused: true };
const used: ItemUsageEvidence = { windowDays: 90, calls: 14, deniedCalls: 0, lastUsed: '2026-11-30T10:00:00Z', callers: [{ kind: 'person', name: 'ana@example.com', calls: 14 }], callerCount: 1, isUnused: false };
const keep = { decision: 'attest' as const, reason: 'In use and no separation-of-duties conflict.' };
const revoke = { decision: 'revoke' as const, reason: 'No Bedrock use in the last 90 days.' };

const plain: AttestFacts = { usage: used, recommendation: keep, tiers: ['invoke', 'read'] };
const cases: Array<{ name: string; facts: AttestFacts; concerns: string[]; short: RegExp | null }> = [
  { name: 'used, recommended to keep, invoke only: nothing more asked', facts: plain, concerns: [], short: null },
  { name: 'unused in the evidence window', facts: { ...plain, usage: unused }, concerns: ['unused'], short: /no Bedrock use in 90 days/ },
  { name: 'recommended for revocation at launch, usage unknown', facts: { ...plain, usage: null, recommendation: revoke }, concerns: ['recommended-revoke'], short: /recommended for revocation \(No Bedrock use in the last 90 days\)/ },
  { name: 'over-broad: invoke with govern', facts: { ...plain, tiers: ['invoke', 'govern', 'read'] }, concerns: ['over-broad'], short: /also holds the govern tier/ },
  { name: 'over-broad: invoke with customize and provision', facts: { ...plain, tiers: ['invoke', 'customize', 'provision'] }, concerns: ['over-broad'], short: /customize, provision tiers/ },
  { name: 'govern without invoke is not over-broad', facts: { ...plain, tiers: ['govern', 'read'] }, concerns: [], short: null },
  { name: 'unused and over-broad: the unused wording comes first', facts: { ...plain, usage: unused, tiers: ['invoke', 'govern'] }, concerns: ['unused', 'over-broad'], short: /no Bedrock use in 90 days/ },
];

describe('attestConcerns and attestJustificationError', () => {
  it.each(cases)('$name', ({ facts, concerns, short }) => {
    expect(attestConcerns(facts).map((concern) => concern.kind)).toEqual(concerns);
    const error = attestJustificationError('attest', facts, 'needed');
    if (short) expect(error).toMatch(short);
    else expect(error).toBeNull();
    // A sentence that says why always stands.
    expect(attestJustificationError('attest', facts, 'Nightly evaluation pipeline for the fraud model')).toBeNull();
  });

  it('speaks in plain words, never field paths', () => {
    const error = attestJustificationError('attest', { ...plain, tiers: ['invoke', 'govern'] }, 'ok');
    expect(error).not.toMatch(/decision\.|justification:/);
    expect(error).toMatch(/say why it is still needed .* or revoke it\.$/);
  });

  it('never holds back revoking or delegating', () => {
    const facts = { ...plain, usage: unused, recommendation: revoke, tiers: ['invoke', 'govern'] as AttestFacts['tiers'] };
    expect(attestJustificationError('revoke', facts, 'no')).toBeNull();
    expect(attestJustificationError('delegate', facts, 'yours')).toBeNull();
  });

  it('asks the form question of the first concern', () => {
    expect(attestQuestion([])).toBe('Justification');
    expect(attestQuestion(attestConcerns({ ...plain, usage: unused }))).toBe('Why keep access that shows no use in 90 days?');
    expect(attestQuestion(attestConcerns({ ...plain, recommendation: revoke }))).toBe('Why keep access recommended for revocation?');
    expect(attestQuestion(attestConcerns({ ...plain, tiers: ['invoke', 'govern'] }))).toBe('Why does this access need govern as well as invoke?');
  });
});
