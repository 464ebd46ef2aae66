import { describe, expect, it } from 'vitest';
import { bulkDecisionRequestSchema, itemDecisionRequestSchema, ownerMappingRequestSchema } from '../campaigns/request-schemas';
import { describeRequestIssues } from './describe-request-issues';

function problemsOf(schema: { safeParse: (value: unknown) => { error?: { issues: Parameters<typeof describeRequestIssues>[0] } } }, value: unknown): string {
  const result = schema.safeParse(value);
  if (!result.error) throw new Error('expected the value to be refused');
  return describeRequestIssues(result.error.issues);
}

// The texts a reviewer reads under the decision form: sentences, never `decision.justification: …`.
const cases: Array<{ name: string; value: unknown; expected: string }> = [
  { name: 'short justification', value: { version: 1, decision: { kind: 'attest', justification: 'x' } }, expected: 'A justification of at least 3 characters is required.' },
  { name: 'bad keep-until date', value: { version: 1, decision: { kind: 'attest', justification: 'hello', keepUntil: 'tomorrow' } }, expected: 'The keep-until date must be a date (YYYY-MM-DD).' },
  { name: 'unknown decision', value: { version: 1, decision: { kind: 'approve' } }, expected: 'The decision must be one of: attest, revoke, delegate.' },
  { name: 'delegate to a non-email', value: { version: 1, decision: { kind: 'delegate', delegateTo: 'sam', note: 'yours now' } }, expected: 'The person to delegate to must be an email address.' },
  { name: 'nothing sent', value: undefined, expected: 'The request is missing.' },
  { name: 'missing version and decision', value: {}, expected: 'The item version is missing. The decision is missing.' },
];

describe('describeRequestIssues', () => {
  it.each(cases)('$name', ({ value, expected }) => {
    const text = problemsOf(itemDecisionRequestSchema, value);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/\w+\.\w+:|^\w+:/);
  });

  it('counts characters and entries in words', () => {
    expect(problemsOf(bulkDecisionRequestSchema, { items: [], decision: { kind: 'revoke', justification: 'x'.repeat(2001) } })).toBe(
      'The selection needs at least 1 entry. The justification can have at most 2000 characters.',
    );
  });

  it('keeps a schema fragment readable with the field name in front', () => {
    expect(problemsOf(ownerMappingRequestSchema, { priority: 1, accountId: '12', ownerEmail: 'owner@example.com' })).toBe('The account id must be a 12-digit AWS account id.');
  });
});
