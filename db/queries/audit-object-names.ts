import { inArray } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { campaignDefinitions, campaignItems, campaigns, ownerMappings, revocations, sodExceptions, users } from '../schema';

/** The last segment of an IAM ARN (`role/path/name` -> `name`). */
function nameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.split('/').pop() || arn;
}

function numericIds(ids: Iterable<string>): number[] {
  return [...new Set([...ids].filter((id) => /^\d{1,15}$/.test(id)).map(Number))];
}

/**
 * Human names for the objects audit entries point at, keyed `objectType:objectId`: a campaign's
 * name, a campaign item's or revocation's principal (and account), a user's name and email. One
 * query per object type present; objects since deleted have no name (the id stays the record).
 */
export function resolveAuditObjectNames(database: AppDatabase, entries: ReadonlyArray<{ objectType: string; objectId: string }>): Map<string, string> {
  const byType = new Map<string, Set<string>>();
  for (const entry of entries) {
    const ids = byType.get(entry.objectType) ?? new Set<string>();
    ids.add(entry.objectId);
    byType.set(entry.objectType, ids);
  }
  const names = new Map<string, string>();
  const put = (type: string, id: number | string, name: string) => names.set(`${type}:${id}`, name);
  for (const [type, idSet] of byType) {
    const ids = numericIds(idSet);
    if (type === 'campaign' && ids.length > 0) {
      for (const row of database.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(inArray(campaigns.id, ids)).all()) put(type, row.id, row.name);
    } else if (type === 'campaign_definition' && ids.length > 0) {
      for (const row of database.select({ id: campaignDefinitions.id, name: campaignDefinitions.name }).from(campaignDefinitions).where(inArray(campaignDefinitions.id, ids)).all()) put(type, row.id, row.name);
    } else if (type === 'campaign_item' && ids.length > 0) {
      const rows = database.select({ id: campaignItems.id, principalName: campaignItems.principalName, accountId: campaignItems.accountId }).from(campaignItems).where(inArray(campaignItems.id, ids)).all();
      for (const row of rows) put(type, row.id, `${row.principalName} (${row.accountId})`);
    } else if (type === 'revocation' && ids.length > 0) {
      const rows = database.select({ id: revocations.id, principalArn: revocations.principalArn, accountId: revocations.accountId }).from(revocations).where(inArray(revocations.id, ids)).all();
      for (const row of rows) put(type, row.id, `${nameFromArn(row.principalArn)} (${row.accountId})`);
    } else if (type === 'sod_exception' && ids.length > 0) {
      const rows = database.select({ id: sodExceptions.id, ruleId: sodExceptions.ruleId, principalArn: sodExceptions.principalArn }).from(sodExceptions).where(inArray(sodExceptions.id, ids)).all();
      for (const row of rows) put(type, row.id, `${row.ruleId} on ${nameFromArn(row.principalArn)}`);
    } else if (type === 'owner_mapping' && ids.length > 0) {
      for (const row of database.select({ id: ownerMappings.id, ownerEmail: ownerMappings.ownerEmail }).from(ownerMappings).where(inArray(ownerMappings.id, ids)).all()) put(type, row.id, `rule for ${row.ownerEmail}`);
    } else if (type === 'user' && ids.length > 0) {
      for (const row of database.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids)).all()) put(type, row.id, `${row.name} <${row.email}>`);
    }
  }
  return names;
}
