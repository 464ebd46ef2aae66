import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { actionLists, entitlements, grants, principals } from '../../schema';
import type { EntitlementPath } from '../../../lib/analysis/entitlements';
import type { Grant } from '../../../lib/analysis/types';
import { decodeGrantActions, type StoredGrantAction } from '../grant-actions';
import { ownerScope, type Viewer } from '../viewer';
import { entitlementPathColumns } from '../entitlement-path-columns';
import { readGrantRowDefaults } from '../../stored-json/grant-columns';

/** One granting statement of an entitlement: its actions, and the limits they share as each grant of it carries them. */
export interface PrincipalGrantStatement extends Pick<Grant, 'resources' | 'notResources' | 'regions' | 'conditions' | 'isConditional' | 'requiresGuardrail'> {
  id: number;
  statementId: string | null;
  statementIndex: number;
  actions: StoredGrantAction[];
}

export interface PrincipalEntitlement extends EntitlementPath {
  id: number;
  entitlementKey: string;
  tiersMask: number;
  actionCount: number;
  isConditional: boolean;
  statements: PrincipalGrantStatement[];
}

/** Entitlements of a principal with their grants grouped by statement, scoped to the viewer. */
export function listPrincipalEntitlements(database: AppDatabase, viewer: Viewer, principalId: number): PrincipalEntitlement[] {
  const rows = database
    .select({
      id: entitlements.id,
      entitlementKey: entitlements.entitlementKey,
      ...entitlementPathColumns,
      tiersMask: entitlements.tiersMask,
      actionCount: entitlements.actionCount,
      isConditional: entitlements.isConditional,
    })
    .from(entitlements)
    .innerJoin(principals, eq(principals.id, entitlements.principalId))
    .where(and(eq(entitlements.principalId, principalId), eq(entitlements.scanId, principals.scanId), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(desc(entitlements.tiersMask), asc(entitlements.policyName))
    .all();
  if (rows.length === 0) return [];
  const grantRows = database
    .select({
      id: grants.id,
      entitlementId: grants.entitlementId,
      statementId: grants.statementId,
      statementIndex: grants.statementIndex,
      actions: actionLists.list,
      resources: grants.resources,
      notResources: grants.notResources,
      regions: grants.regions,
      conditions: grants.conditions,
      isConditional: grants.isConditional,
      requiresGuardrail: grants.requiresGuardrail,
    })
    .from(grants)
    .innerJoin(actionLists, eq(actionLists.hash, grants.actionsHash))
    .where(inArray(grants.entitlementId, rows.map((row) => row.id)))
    .orderBy(asc(grants.statementIndex))
    .all();
  const byEntitlement = new Map<number, PrincipalGrantStatement[]>();
  for (const grant of grantRows) {
    const list = byEntitlement.get(grant.entitlementId) ?? [];
    const defaults = readGrantRowDefaults(grant);
    list.push({
      id: grant.id,
      statementId: grant.statementId,
      statementIndex: grant.statementIndex,
      actions: decodeGrantActions(grant.actions, defaults, grant.id),
      ...defaults,
      isConditional: grant.isConditional,
      requiresGuardrail: grant.requiresGuardrail,
    });
    byEntitlement.set(grant.entitlementId, list);
  }
  return rows.map((row) => ({ ...row, statements: byEntitlement.get(row.id) ?? [] }));
}
