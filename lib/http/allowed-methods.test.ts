import { describe, expect, it } from 'vitest';
import { isAllowedMethod } from './allowed-methods';

describe('isAllowedMethod', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['DELETE', true],
    ['OPTIONS', true],
    ['TRACE', false],
    ['TRACK', false],
    ['CONNECT', false],
    ['get', false],
    ['PROPFIND', false],
  ])('%s -> %s', (method, expected) => expect(isAllowedMethod(method)).toBe(expected));
});
