import { describe, expect, it } from 'vitest';
import { validateDefinition } from './definition-field-errors';

const valid = {
  name: 'Q3 Bedrock review',
  dueInDays: 14,
  closeBehaviour: 'report',
  schedule: null,
  scope: { accountIds: [], tiers: [], minScore: 0, principalTypes: [], onlyWithConflicts: false },
};

describe('validateDefinition', () => {
  const cases: { name: string; change: Record<string, unknown>; field: string; message: RegExp }[] = [
    { name: 'empty name', change: { name: '' }, field: 'name', message: /name of 3 to 120 characters/ },
    { name: 'blank name', change: { name: '   ' }, field: 'name', message: /name/ },
    { name: 'zero days', change: { dueInDays: 0 }, field: 'dueInDays', message: /1 to 365/ },
    { name: 'days not a number', change: { dueInDays: Number.NaN }, field: 'dueInDays', message: /whole number of days/ },
    { name: 'fractional days', change: { dueInDays: 2.5 }, field: 'dueInDays', message: /whole number/ },
    { name: 'unknown close behaviour', change: { closeBehaviour: 'delete' }, field: 'closeBehaviour', message: /undecided items/ },
    { name: 'score above 100', change: { scope: { ...valid.scope, minScore: 101 } }, field: 'minScore', message: /0 to 100/ },
    { name: 'bad account id', change: { scope: { ...valid.scope, accountIds: ['123'] } }, field: 'accountIds', message: /accounts/ },
    { name: 'unknown tier', change: { scope: { ...valid.scope, tiers: ['admin'] } }, field: 'tiers', message: /tiers/ },
    { name: 'unreadable cron', change: { schedule: 'every monday' }, field: 'schedule', message: /cron expression cannot be read/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = validateDefinition({ ...valid, ...testCase.change });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.errors)).toEqual([testCase.field]);
      const message = result.errors[testCase.field as keyof typeof result.errors] ?? '';
      expect(message).toMatch(testCase.message);
      // Plain words: never a field path or zod's own wording.
      expect(message).not.toMatch(/scope\.|Too small|Invalid|expected/);
    });
  }

  it('several faults give one message per field', () => {
    const result = validateDefinition({ ...valid, name: 'x', dueInDays: 999 });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['dueInDays', 'name']);
  });

  it('accepts a valid one-off and a valid quarterly schedule', () => {
    expect(validateDefinition(valid).ok).toBe(true);
    expect(validateDefinition({ ...valid, schedule: '0 6 1 1,4,7,10 *' }).ok).toBe(true);
  });
});
