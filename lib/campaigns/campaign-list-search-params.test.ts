import { describe, expect, it } from 'vitest';
import { campaignListStateParams, parseCampaignListSearchParams } from './campaign-list-search-params';

describe('parseCampaignListSearchParams', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parseCampaignListSearchParams({})).toEqual({ q: undefined, status: undefined, kind: undefined, sort: 'launched', direction: undefined, page: 1 });
  });
  it('reads every known value', () => {
    expect(parseCampaignListSearchParams({ q: ' Q3 ', status: 'closed', kind: 'micro', sort: 'due', direction: 'asc', page: '3' })).toEqual({ q: 'Q3', status: 'closed', kind: 'micro', sort: 'due', direction: 'asc', page: 3 });
  });
  it('falls back on unknown or crafted values instead of failing the page', () => {
    expect(parseCampaignListSearchParams({ status: 'deleted', kind: ['micro', 'standard'], sort: 'id; drop table', direction: 'sideways', page: '1e308' })).toEqual({
      q: undefined,
      status: undefined,
      kind: 'micro',
      sort: 'launched',
      direction: undefined,
      page: 1,
    });
  });
  it('leaves defaults out of the links', () => {
    expect(campaignListStateParams(parseCampaignListSearchParams({ q: '', sort: 'launched', status: 'active' }))).toEqual({ q: undefined, status: 'active', kind: undefined, sort: undefined, direction: undefined });
  });
});
