import { describe, expect, it } from 'vitest';
import { REVOCATION_STATUSES } from './statuses';
import { campaignRevocationLabel, canTransition } from './lifecycle';

describe('offline lifecycle', () => {
  it('a script awaiting confirmation can be rolled back but not executed again; a not-applied one can be produced again', () => {
    expect(canTransition('execute', 'awaiting-confirmation')).toBe(false);
    expect(canTransition('rollback', 'awaiting-confirmation')).toBe(true);
    expect(canTransition('execute', 'not-applied')).toBe(true);
    expect(canTransition('rollback', 'not-applied')).toBe(true);
    expect(canTransition('approve', 'not-applied')).toBe(false);
  });

  it('campaign items say requested / applied / verified, never just "revoked"', () => {
    expect(['requested', 'approved', 'executing'].map((status) => campaignRevocationLabel(status as 'requested'))).toEqual(['revocation requested', 'revocation requested', 'revocation requested']);
    expect(campaignRevocationLabel('executed')).toBe('revocation applied');
    expect(campaignRevocationLabel('awaiting-confirmation')).toBe('revocation awaiting confirmation');
    expect(campaignRevocationLabel('not-applied')).toBe('revocation not applied');
    expect(campaignRevocationLabel('verified')).toBe('revocation verified');
    for (const status of REVOCATION_STATUSES) expect(campaignRevocationLabel(status)).toMatch(/^revocation /);
  });
});
