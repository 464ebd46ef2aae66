import { describe, expect, it } from 'vitest';
import { validateOwnerMapping } from './owner-mapping-field-errors';

const valid = { priority: 10, accountId: null, pathPrefix: '/data-science/', namePattern: 'ml-*', ownerEmail: 'maya@example.com' };

describe('validateOwnerMapping', () => {
  const cases: { name: string; change: Record<string, unknown>; field: string; message: RegExp }[] = [
    { name: 'negative priority', change: { priority: -1 }, field: 'priority', message: /whole number from 0/ },
    { name: 'priority not a number', change: { priority: Number.NaN }, field: 'priority', message: /whole number/ },
    { name: 'short account id', change: { accountId: '1234' }, field: 'accountId', message: /12-digit AWS account id/ },
    { name: 'path without slash', change: { pathPrefix: 'data-science/' }, field: 'pathPrefix', message: /Start the path with \// },
    { name: 'long pattern', change: { namePattern: 'x'.repeat(129) }, field: 'namePattern', message: /128 characters/ },
    { name: 'not an email', change: { ownerEmail: 'maya' }, field: 'ownerEmail', message: /email address/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = validateOwnerMapping({ ...valid, ...testCase.change });
      expect(result.ok ? {} : result.errors).toEqual({ [testCase.field]: expect.stringMatching(testCase.message) });
    });
  }
  it('accepts a valid rule and empty optional fields', () => {
    expect(validateOwnerMapping(valid).ok).toBe(true);
    expect(validateOwnerMapping({ ...valid, accountId: '', pathPrefix: null, namePattern: null }).ok).toBe(true);
  });
});
