import type { AppDatabase } from '../../client';
import { ownerMappingWarnings, type OwnerMappingRuleWithWarnings } from '../../../lib/campaigns/owner-mapping-warnings';
import { listActiveUsers } from '../users';
import { listOwnerMappings } from './owner-mappings';

/** The rules in the order they are tried, each with what an admin should know about it. */
export function listOwnerMappingRows(database: AppDatabase): OwnerMappingRuleWithWarnings[] {
  const rules = listOwnerMappings(database);
  const userEmails = listActiveUsers(database).map((user) => user.email);
  return rules.map((rule) => ({ ...rule, warnings: ownerMappingWarnings(rule, { rules, userEmails }) }));
}
