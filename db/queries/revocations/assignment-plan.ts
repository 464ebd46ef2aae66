import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, actionLists, entitlements, identityCenterInstances, principals, revocations, scans } from '../../schema';
import { appendAudit } from '../audit';
import { ConflictError, ValidationError } from '../../../lib/http/errors';
import { parseAssignmentKey } from '../../../lib/campaigns/assignment-items';
import { linkPeopleToRoles } from '../../../lib/people/link-roles';
import { planAssignmentRequest } from '../../../lib/revocations/identity-center/plan-assignment-request';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { readEntitlementActions } from '../../stored-json/grant-columns';
import { loadIdentityCenterDirectory } from '../people/load-identity-center-directory';

const OPEN_STATUSES = ['requested', 'approved', 'executing', 'awaiting-confirmation', 'not-applied'] as const;

/** True when the key names an Identity Center assignment rather than an IAM entitlement. */
export function isAssignmentRevocationKey(entitlementKey: string): boolean {
  return parseAssignmentKey(entitlementKey) !== null;
}

/**
 * Plans the revocation of the assignment an `assignment|…` key names, from the latest published
 * snapshot that read Identity Center: remove the person from the group, or delete the direct
 * assignment (lib/revocations/identity-center/plan-assignment-request). `principalArn` is the
 * `AWSReservedSSO_*` role the assignment becomes; its Bedrock actions are what the person loses.
 * Throws ValidationError for a key that is not an assignment or a snapshot without Identity Center.
 */
export function computeAssignmentPlan(database: AppDatabase, input: { principalArn: string; entitlementKey: string }): RevocationPlan {
  const target = parseAssignmentKey(input.entitlementKey);
  if (!target) throw new ValidationError('Not an Identity Center assignment.');
  const scan = database
    .select({ id: scans.id, finishedAt: scans.finishedAt })
    .from(scans)
    .innerJoin(identityCenterInstances, eq(identityCenterInstances.scanId, scans.id))
    .where(eq(scans.isPublished, true))
    .orderBy(desc(scans.finishedAt), desc(scans.id))
    .limit(1)
    .get();
  const directory = scan ? loadIdentityCenterDirectory(database, scan.id) : null;
  if (!scan || !directory) throw new ValidationError('No published snapshot read IAM Identity Center: the assignment cannot be planned.');
  const role = database
    .select({ id: principals.id, name: principals.name })
    .from(principals)
    .where(and(eq(principals.scanId, scan.id), eq(principals.arn, input.principalArn)))
    .get();
  const actions = role
    ? database
        .select({ id: entitlements.id, actions: actionLists.list })
        .from(entitlements)
        .innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash))
        .where(and(eq(entitlements.scanId, scan.id), eq(entitlements.principalId, role.id)))
        .all()
        .flatMap((row) => readEntitlementActions(row.actions, row.id))
    : [];
  return planAssignmentRequest({
    directory,
    model: linkPeopleToRoles(directory, []),
    target,
    entitlementKey: input.entitlementKey,
    role: { arn: input.principalArn, name: role?.name ?? input.principalArn.split('/').pop() ?? input.principalArn, actions },
    snapshotCapturedAt: scan.finishedAt ?? '',
  });
}

/**
 * An admin's request to revoke one assignment of a person (the person page's button): planned at
 * once, status `requested`, then the lifecycle of every revocation (four-eyes approval, worker,
 * verification, rollback). Refused plans and a second open request for the same assignment are refused.
 */
export function requestAssignmentRevocation(database: AppDatabase, input: { principalArn: string; entitlementKey: string; justification: string; actor: string; now: Date }): { id: number } {
  const justification = input.justification.trim();
  if (!justification) throw new ValidationError('A justification is required.');
  const plan = computeAssignmentPlan(database, input);
  if (plan.kind === 'refused') throw new ValidationError(plan.reason);
  const transaction = database.$client.transaction(() => {
    const open = database
      .select({ id: revocations.id })
      .from(revocations)
      .where(and(eq(revocations.entitlementKey, input.entitlementKey), inArray(revocations.status, [...OPEN_STATUSES])))
      .get();
    if (open) throw new ConflictError(`Revocation #${open.id} for this assignment is already under way.`);
    const source = database.select({ source: accounts.source }).from(accounts).where(eq(accounts.id, plan.accountId)).get()?.source;
    const row = database
      .insert(revocations)
      .values({
        status: 'requested',
        origin: 'admin',
        principalArn: plan.principalArn,
        accountId: plan.accountId,
        entitlementKey: input.entitlementKey,
        mode: source === 'offline' ? 'offline' : 'live',
        justification,
        requestedBy: input.actor,
        requestedAt: input.now.toISOString(),
        plan: JSON.stringify(plan),
      })
      .returning({ id: revocations.id })
      .get();
    appendAudit(
      database,
      {
        actor: input.actor,
        action: 'revocation.requested',
        objectType: 'revocation',
        objectId: row.id,
        after: { entitlementKey: input.entitlementKey, justification, planKind: plan.kind, identityCenter: plan.identityCenter?.kind, calls: plan.identityCenter?.calls.map((call) => call.action) ?? [] },
      },
      input.now,
    );
    return row;
  });
  return database.$client.inTransaction ? transaction() : transaction.immediate();
}
