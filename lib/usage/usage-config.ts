import { z } from 'zod';

/**
 * The organisation trail's S3 location (#18): objects are read under
 * `<prefix>/AWSLogs/<organizationId>/<account>/CloudTrail/<region>/YYYY/MM/DD/`, as an
 * organisation trail delivers them. `region` is the bucket's region.
 */
export const organizationTrailSchema = z
  .object({
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
    /** The trail's S3 key prefix, without slashes around it; empty when the trail has none. */
    prefix: z.string().regex(/^([^/]+(\/[^/]+)*)?$/, 'must be a key prefix without leading or trailing slashes').default(''),
    organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, 'must be an organization id such as o-a1b2c3d4e5'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1'),
  })
  .strict();

/**
 * Bedrock usage evidence in live scans (`scan.live.usage`). Off unless asked for: reading
 * CloudTrail and Access Advisor across an organisation is slow (LookupEvents allows two requests
 * a second per account and region) and needs `cloudtrail:LookupEvents` and
 * `iam:GenerateServiceLastAccessedDetails` on the scan role, which not every installation grants.
 */
export const liveUsageSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Read the organisation trail from S3 instead of calling LookupEvents per account and region. */
    organizationTrail: organizationTrailSchema.nullish(),
  })
  .strict();

export type LiveUsageConfig = z.output<typeof liveUsageSchema>;
export type OrganizationTrailConfig = z.output<typeof organizationTrailSchema>;

/** Whether a live scan collects usage evidence: only when its configuration says so. */
export function isLiveUsageEnabled(config: { usage?: LiveUsageConfig | null }): boolean {
  return config.usage?.enabled === true;
}
