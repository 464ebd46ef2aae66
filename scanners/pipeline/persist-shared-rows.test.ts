import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { encodeGrantActions } from '../../db/queries/grant-actions';
import { scans } from '../../db/schema';
import { groupGrantsIntoEntitlements } from '../../lib/analysis/entitlements';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import type { Grant } from '../../lib/analysis/types';
import { persistAccountOutcome } from './persist-snapshot';
import { analyzeDiverseOrganization } from './test-support/analyze-diverse-organization';

/** The rows of one principal as the per-principal encoding wrote them before rows were shared per grants array. */
function referenceRows(principalArn: string, grants: Grant[]): unknown[] {
  return groupGrantsIntoEntitlements(principalArn, grants).map((group) => ({
    entitlement: [group.key, group.path.policyKind, group.path.policyArn, group.path.policyName, group.path.isAwsManaged ? 1 : 0, group.path.attachedVia, group.path.groupName, tiersToMask(group.tiers), JSON.stringify(group.actions), group.actions.length, group.isConditional ? 1 : 0],
    grants: group.statements.map((statement) => {
      const first = statement.grants[0];
      return [
        statement.statementId,
        statement.statementIndex,
        encodeGrantActions(statement.grants),
        tiersToMask(statement.grants.map((grant) => grant.tier)),
        JSON.stringify(first.resources),
        JSON.stringify(first.notResources),
        JSON.stringify(first.regions),
        JSON.stringify(first.conditions),
        statement.grants.some((grant) => grant.isConditional) ? 1 : 0,
        statement.grants.every((grant) => grant.tier !== 'invoke' || grant.requiresGuardrail) ? 1 : 0,
      ];
    }),
  }));
}

/**
 * A conflict side as the per-principal encoding stored it, spelled out rather than copied from the
 * writer: one entry per grant path in the order the paths first appear, each with the path of its
 * first grant, its distinct tiers and all its actions in grant order.
 */
function conflictSideReference(side: Grant[]): string {
  const pathKey = (grant: Grant) => `${grant.path.policyKind}|${grant.path.policyArn ?? grant.path.policyName}|${grant.path.groupName ?? ''}|${grant.path.statementIndex}`;
  const keys = [...new Set(side.map(pathKey))];
  return JSON.stringify(
    keys.map((key) => {
      const grantsOfPath = side.filter((grant) => pathKey(grant) === key);
      return { path: grantsOfPath[0].path, tiers: [...new Set(grantsOfPath.map((grant) => grant.tier))], actions: grantsOfPath.map((grant) => grant.action) };
    }),
  );
}

describe('persisting a snapshot with rows shared per grants array', () => {
  it('writes for every principal exactly the entitlement, grant and conflict rows of the per-principal encoding', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const { snapshot, analysis } = await analyzeDiverseOrganization('persist-shared-rows', now);
    // The case this guards: principals that hold one grants array get rows built once for it.
    const holdersByGrants = new Map<Grant[], number>();
    for (const principal of analysis.principals) if (principal.grants.length > 0) holdersByGrants.set(principal.grants, (holdersByGrants.get(principal.grants) ?? 0) + 1);
    expect([...holdersByGrants.values()].some((count) => count > 1)).toBe(true);
    expect(analysis.principals.some((principal) => principal.conflicts.length > 0)).toBe(true);

    const database = createTestDatabase();
    const scanId = database.insert(scans).values({ status: 'running', source: 'offline', trigger: 'cli', requestedBy: 'test', queuedAt: now.toISOString() }).returning({ id: scans.id }).get().id;
    for (const account of snapshot.accounts) {
      persistAccountOutcome(database, scanId, { accountId: account.accountId, status: 'ok', error: null, durationMs: 0, principals: analysis.principals.filter((principal) => principal.facts.accountId === account.accountId), managedPolicies: account.managedPolicies });
    }

    const client = database.$client;
    const principalId = client.prepare('SELECT id FROM principals WHERE scan_id = ? AND arn = ?').pluck();
    const entitlementRows = client.prepare(
      'SELECT id, entitlement_key, policy_kind, policy_arn, policy_name, is_aws_managed, attached_via, group_name, tiers_mask, (SELECT list FROM action_lists WHERE hash = actions_hash), action_count, is_conditional FROM entitlements WHERE principal_id = ? ORDER BY id',
    ).raw();
    const grantRows = client.prepare(
      'SELECT statement_id, statement_index, (SELECT list FROM action_lists WHERE hash = actions_hash), tiers_mask, resources, not_resources, regions, conditions, is_conditional, requires_guardrail FROM grants WHERE entitlement_id = ? AND principal_id = ? ORDER BY id',
    ).raw();
    const conflictRows = client.prepare('SELECT rule_id, side_a, side_b FROM sod_conflicts WHERE principal_id = ? ORDER BY id').raw();
    for (const principal of analysis.principals) {
      const id = principalId.get(scanId, principal.facts.arn) as number;
      expect(id, principal.facts.arn).toBeTypeOf('number');
      const stored = (entitlementRows.all(id) as unknown[][]).map(([entitlementId, ...entitlement]) => ({ entitlement, grants: grantRows.all(entitlementId, id) }));
      expect(stored, principal.facts.arn).toEqual(referenceRows(principal.facts.arn, principal.grants));
      expect(conflictRows.all(id), principal.facts.arn).toEqual(principal.conflicts.map((conflict) => [conflict.ruleId, conflictSideReference(conflict.sideA), conflictSideReference(conflict.sideB)]));
    }
    const policyCount = client.prepare('SELECT count(*) FROM policies WHERE scan_id = ?').pluck().get(scanId) as number;
    expect(policyCount).toBe(new Set(snapshot.accounts.flatMap((account) => account.managedPolicies.map((policy) => `${account.accountId}|${policy.arn}`))).size);
  });
});
