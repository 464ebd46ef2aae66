/** The fixed "now" of the demo organisation: every date is relative to it so output never drifts. */
export const DEMO_NOW = new Date('2026-11-01T00:00:00Z');

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO timestamp `days` (may be fractional) before DEMO_NOW, in the `+00:00` form the AWS CLI
 * prints for IAM dates.
 */
export function daysAgo(days: number): string {
  return formatAwsDate(new Date(DEMO_NOW.getTime() - Math.round(days * DAY_MS)));
}

/** An ISO timestamp `days` after DEMO_NOW (credential expiry dates). */
export function daysAhead(days: number): string {
  return formatAwsDate(new Date(DEMO_NOW.getTime() + Math.round(days * DAY_MS)));
}

/** `2026-10-31T12:00:00+00:00`: whole seconds, explicit UTC offset, as the CLI prints. */
export function formatAwsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
