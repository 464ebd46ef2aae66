import { describe, expect, it } from 'vitest';
import type { ItemUsageEvidence } from '../usage/item-usage-evidence';
import { unusedAttestJustificationError } from './unused-justification';

const unused: ItemUsageEvidence = { windowDays: 90, calls: 0, deniedCalls: 2, lastUsed: null, callers: [], callerCount: 0, isUnused: true };
const used: ItemUsageEvidence = { windowDays: 90, calls: 14, deniedCalls: 0, lastUsed: '2026-11-30T10:00:00Z', callers: [{ kind: 'person', name: 'ana@example.com', calls: 14 }], callerCount: 1, isUnused: false };

describe('unusedAttestJustificationError', () => {
  it('refuses a short justification for attesting access unused in the window, in plain words', () => {
    const error = unusedAttestJustificationError('attest', unused, 'needed');
    expect(error).toMatch(/no Bedrock use in 90 days/);
    expect(error).toMatch(/say why/);
  });

  it('refuses one word stretched to length, and whitespace padding', () => {
    expect(unusedAttestJustificationError('attest', unused, 'neeeeeeeeeeeeeeeeeeeeeeeded')).not.toBeNull();
    expect(unusedAttestJustificationError('attest', unused, '   ok                        ')).not.toBeNull();
    expect(unusedAttestJustificationError('attest', unused, 'ok ok - - - - - - - - - - - -')).not.toBeNull();
  });

  it('accepts a sentence that says why', () => {
    expect(unusedAttestJustificationError('attest', unused, 'Quarterly model evaluation runs in January')).toBeNull();
  });

  it('asks nothing more when the access is used or usage is unknown', () => {
    expect(unusedAttestJustificationError('attest', used, 'ok')).toBeNull();
    expect(unusedAttestJustificationError('attest', null, 'ok')).toBeNull();
  });

  it('never holds back revoking or delegating unused access', () => {
    expect(unusedAttestJustificationError('revoke', unused, 'unused')).toBeNull();
    expect(unusedAttestJustificationError('delegate', unused, 'yours')).toBeNull();
  });

  it('uses the evidence window in the message', () => {
    expect(unusedAttestJustificationError('attest', { ...unused, windowDays: 30 }, 'x')).toMatch(/in 30 days/);
  });
});
