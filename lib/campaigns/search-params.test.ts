import { describe, expect, it } from 'vitest';
import { parseCampaignItemSearchParams, parseInboxSearchParams, toLinkParams } from './search-params';

describe('parseInboxSearchParams', () => {
  it('defaults to undecided items, riskiest first, page 1', () => {
    expect(parseInboxSearchParams({})).toEqual({ status: 'pending', page: 1, sort: 'risk', direction: 'desc' });
  });

  it('reads every filter, and the first of repeated values', () => {
    expect(parseInboxSearchParams({ campaign: '7', status: 'all', account: '111111111111', tier: 'govern', q: ' ml ', page: ['3', '9'], sort: 'principal' })).toEqual({
      campaign: 7,
      status: 'all',
      account: '111111111111',
      tier: 'govern',
      q: 'ml',
      page: 3,
      sort: 'principal',
      direction: 'asc',
    });
  });

  it('drops values that are not allowed instead of failing the page', () => {
    expect(parseInboxSearchParams({ campaign: '-1', status: 'everything', account: '12', tier: 'admin', q: '', page: '1e308', sort: 'name', direction: 'up' })).toEqual({
      status: 'pending',
      page: 1,
      sort: 'risk',
      direction: 'desc',
    });
  });
});

describe('parseCampaignItemSearchParams', () => {
  it('reads the status, reviewer (lower-cased) and sort', () => {
    expect(parseCampaignItemSearchParams({ status: 'not-certified', reviewer: 'Maya@Example.com', direction: 'asc' })).toEqual({ status: 'not-certified', reviewer: 'maya@example.com', page: 1, sort: 'risk', direction: 'asc' });
    expect(parseCampaignItemSearchParams({ reviewer: 'not an email' }).reviewer).toBeUndefined();
  });
});

describe('toLinkParams', () => {
  it('leaves defaults and the page out of links', () => {
    expect(toLinkParams(parseInboxSearchParams({ tier: 'invoke', page: '2' }))).toEqual({ status: 'pending', tier: 'invoke', sort: undefined, direction: undefined });
    expect(toLinkParams(parseInboxSearchParams({ sort: 'principal', direction: 'desc' }))).toMatchObject({ sort: 'principal', direction: 'desc' });
  });
});
