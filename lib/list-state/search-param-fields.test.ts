import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flattenSearchParams, optionalScore, optionalText, pagingFields, stateParamsOf } from './search-param-fields';

const schema = z.object({ q: optionalText, minScore: optionalScore, scope: z.enum(['bedrock', 'all']).default('bedrock').catch('bedrock'), ...pagingFields });

describe('list URL state fields', () => {
  it.each([
    [{}, { q: undefined, minScore: undefined, scope: 'bedrock', direction: undefined, page: 1, pageSize: 25 }],
    [{ q: '  maya ', minScore: '', page: '3', pageSize: '50', direction: 'asc' }, { q: 'maya', minScore: undefined, scope: 'bedrock', direction: 'asc', page: 3, pageSize: 50 }],
    [{ q: 'x'.repeat(201), minScore: '101', scope: 'nobody', page: '-1', pageSize: '5000', direction: 'up' }, { q: undefined, minScore: undefined, scope: 'bedrock', direction: undefined, page: 1, pageSize: 25 }],
    [{ minScore: '0' }, { q: undefined, minScore: 0, scope: 'bedrock', direction: undefined, page: 1, pageSize: 25 }],
  ])('%j parses to %j (bad values fall back)', (input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });

  it('takes the first of repeated parameters', () => {
    expect(flattenSearchParams({ tier: ['invoke', 'govern'], q: 'a', empty: undefined })).toEqual({ tier: 'invoke', q: 'a', empty: undefined });
  });

  it('carries every field but the page, leaving defaults out', () => {
    expect(stateParamsOf({ q: 'maya', minScore: 0, scope: 'bedrock', sort: 'name', direction: undefined, page: 4, pageSize: 25 }, { scope: 'bedrock', sort: 'score', pageSize: 25 })).toEqual({
      q: 'maya',
      minScore: '0',
      scope: undefined,
      sort: 'name',
      direction: undefined,
      pageSize: undefined,
    });
  });
});
