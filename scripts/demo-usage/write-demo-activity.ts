import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateDemoDay, type DemoPrincipal } from './generate-demo-activity';

export const DEMO_ACTIVITY_SEED = 0x0bed_0c4a;
export const DEMO_ACTIVITY_DAYS = 90;
/** Bumped whenever the generator's output changes: older generated files are then replaced, never mixed in. */
export const DEMO_ACTIVITY_VERSION = '2';

/** The Identity Center home region's accounts log in eu-west-1 (their SSO roles say so); the rest in us-east-1. */
function regionOf(accountId: string): string {
  return accountId === '539182736450' || accountId === '974102938475' ? 'eu-west-1' : 'us-east-1';
}

interface DetailsFile {
  UserDetailList: Array<{ UserName: string; Arn: string }>;
  RoleDetailList: Array<{ RoleName: string; Arn: string }>;
}

/** The principals of an organisation directory (demo/org layout) with their first access key. */
export function readDemoPrincipals(directory: string): DemoPrincipal[] {
  const principals: DemoPrincipal[] = [];
  for (const name of readdirSync(directory).filter((file) => /^\d{12}\.json$/.test(file)).sort()) {
    const accountId = name.slice(0, 12);
    const details = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as DetailsFile;
    const credentialsFile = path.join(directory, 'credentials', name);
    const keys = new Map<string, string>();
    if (existsSync(credentialsFile)) {
      const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { users: Array<{ userName: string; accessKeys?: Array<{ accessKeyId: string }> }> };
      for (const user of credentials.users) if (user.accessKeys?.[0]) keys.set(user.userName, user.accessKeys[0].accessKeyId);
    }
    for (const user of details.UserDetailList) principals.push({ arn: user.Arn, accountId, name: user.UserName, type: 'user', accessKeyId: keys.get(user.UserName) });
    for (const role of details.RoleDetailList) principals.push({ arn: role.Arn, accountId, name: role.RoleName, type: 'role' });
  }
  return principals;
}

function dayOffset(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the demo's CloudTrail files for the `days` days ending with `lastDay` under
 * `<directory>/cloudtrail/` in the organisation-trail layout, one gzipped file per account,
 * region and day. Days already written are left as they are (same seed, same bytes), so running
 * it again on a later day adds only the new days. Returns the number of files written.
 */
export function writeDemoActivity(directory: string, lastDay: string, options: { days?: number; seed?: number; outputDirectory?: string } = {}): { files: number; events: number } {
  const organizationId = (JSON.parse(readFileSync(path.join(directory, 'organization.json'), 'utf8')) as { organization: { id: string } }).organization.id;
  const principals = readDemoPrincipals(directory);
  const trailRoot = path.join(options.outputDirectory ?? directory, 'cloudtrail');
  const versionFile = path.join(trailRoot, '.generator-version');
  if (existsSync(trailRoot) && (!existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== DEMO_ACTIVITY_VERSION)) rmSync(trailRoot, { recursive: true, force: true });
  mkdirSync(trailRoot, { recursive: true });
  writeFileSync(versionFile, DEMO_ACTIVITY_VERSION);
  const root = path.join(trailRoot, 'AWSLogs', organizationId);
  const days = options.days ?? DEMO_ACTIVITY_DAYS;
  let files = 0;
  let events = 0;
  for (let offset = -(days - 1); offset <= 0; offset += 1) {
    const day = dayOffset(lastDay, offset);
    const [year, month, date] = day.split('-');
    const stamp = `${year}${month}${date}T2359Z`;
    const byFile = generateDemoDay(day, principals, { seed: options.seed ?? DEMO_ACTIVITY_SEED, regionOf });
    for (const [key, records] of byFile) {
      const [accountId, region] = key.split('|') as [string, string];
      const folder = path.join(root, accountId, 'CloudTrail', region, year as string, month as string, date as string);
      const file = path.join(folder, `${accountId}_CloudTrail_${region}_${stamp}_demo.json.gz`);
      events += records.length;
      if (existsSync(file)) continue;
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, gzipSync(JSON.stringify({ Records: records })));
      files += 1;
    }
  }
  return { files, events };
}

/** Yesterday (UTC) of `now`: the last full day of demo activity. */
export function lastFullDay(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}
