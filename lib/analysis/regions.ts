/**
 * Commercial AWS region codes (the `aws` partition), as data.
 *
 * "All regions" is written `['*']` in a grant; this list is what a region condition is expanded
 * against (e.g. `StringLike: eu-*`) and what a Deny on some regions is subtracted from. A region
 * AWS adds later is simply absent here until the list is updated: a Deny-on-listed-regions then
 * under-reports that one region, which is why the list is kept in one place.
 */
export const COMMERCIAL_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

/** The grant notation for "no region limit". */
export const ALL_REGIONS_MARKER = '*';

/** True when `regions` is the "no region limit" notation `['*']`. */
export function isAllRegions(regions: readonly string[]): boolean {
  return regions.length === 1 && regions[0] === ALL_REGIONS_MARKER;
}
