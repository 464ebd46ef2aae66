import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from './callback-url';

const ORIGIN = 'https://access-review.example.com';

describe('safeCallbackPath (issue 17, security 3)', () => {
  it.each([
    ['/overview', '/overview'],
    ['/principals?account=123&page=2', '/principals?account=123&page=2'],
    ['/campaigns/4#items', '/campaigns/4#items'],
    [`${ORIGIN}/inbox`, '/inbox'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '/\t/evil.example/x',
    '/%0a/evil.example',
    'https://evil.example/x',
    'https://access-review.example.com.evil.example/x',
    'http://access-review.example.com/x',
    'javascript:alert(1)',
    'http://[',
    '%',
    '',
    'overview',
  ])('refuses %s', (input) => {
    const result = safeCallbackPath(input, ORIGIN);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
    if (!input.startsWith('/%0a')) expect(result).toBe('/');
  });

  it('refuses non-strings and very long input without throwing', () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe('/');
    expect(safeCallbackPath(['/x'], ORIGIN)).toBe('/');
    expect(safeCallbackPath(`/${'a'.repeat(5000)}`, ORIGIN)).toBe('/');
  });

  it('builds absolute redirects on the base URL only', () => {
    expect(safeRedirectUrl('//evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl('/\\evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl('/revocations?page=2', ORIGIN)).toBe(`${ORIGIN}/revocations?page=2`);
  });
});
