import { describe, expect, it } from 'vitest';
import { parseRevocationListQuery } from './search-params';

describe('parseRevocationListQuery', () => {
  it('reads a known status and the page', () => {
    expect(parseRevocationListQuery({ status: 'failed', page: '3' })).toEqual({ status: 'failed', page: 3, pageSize: 25 });
  });

  it('falls back on unknown values instead of failing the page', () => {
    expect(parseRevocationListQuery({ status: 'exploded', page: '-2', pageSize: '5000' })).toEqual({ status: undefined, page: 1, pageSize: 25 });
    expect(parseRevocationListQuery({ status: ['rolled-back', 'failed'] }).status).toBe('rolled-back');
  });
});
