/**
 * `npm run demo` history: what a team that has used the product for a quarter sees on first
 * sign-in. Everything goes through the real domain commands with the clock passed in, so every row
 * (scans, drift, campaigns, decisions, revocations, audit entries) is one the product itself wrote:
 *
 * - three published snapshots over the last 90 days, imported by the offline scanner from copies of
 *   the demo organisation as it was then (see `historicalOrganization`): an access widened between
 *   the first two, a new principal and a removed grant between the last two;
 * - a closed quarterly campaign on the first snapshot, decided and closed (its evidence is built on
 *   demand like any campaign's);
 * - an active quarterly campaign on the latest snapshot, about half decided (attests, revokes, a
 *   delegation), due in nine days. Overdue items show on the closed campaign (closed a day past
 *   due with items undecided) and the micro-certifications closed at their due date: the worker
 *   closes a campaign at its due date, so an active campaign past due would close at demo start;
 * - revocations in each state an offline organisation reaches: requested, approved, awaiting confirmation
 *   (script produced, awaiting the next import), verified by the next import, rolled back, and a
 *   rejected one, and a failed one: its script stopped at an SCP's explicit deny and the admin
 *   reported the AWS CLI's error (`reportScriptFailure`, the path offline accounts take).
 *
 * The e2e servers do not call this: their specs start from a database with one snapshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/client';
import { closeCampaign } from '../db/queries/campaigns/close';
import { decideItem } from '../db/queries/campaigns/decide';
import { launchCampaign } from '../db/queries/campaigns/launch';
import { WORKER_ACTOR } from '../db/queries/campaigns/schedules';
import { approveRevocation, rejectRevocation, requestExecution, requestRevocation, requestRollback } from '../db/queries/revocations/commands';
import { campaignItems, campaigns, entitlements, principals, revocations, scans } from '../db/schema';
import { EMPTY_SCOPE } from '../lib/campaigns/scope';
import { tierBit } from '../lib/analysis/tier-mask';
import { ValidationError } from '../lib/http/errors';
import { createEngineEvaluate } from '../lib/revocations/engine';
import type { EvaluateAccess, RevocationPlan } from '../lib/revocations/types';
import { reportScriptFailure } from '../db/queries/revocations/report-script-failure';
import { runScan } from '../scanners/pipeline/run-scan';

const DAY_MS = 24 * 60 * 60 * 1000;
const ADMIN = 'admin@example.com';
const SECOND_ADMIN = 'jordan@example.com';
const FALLBACK_REVIEWERS = [ADMIN] as const;

/** The role the first two snapshots hold and the third no longer does (a removed grant). */
export const RETIRED_ROLE_NAME = 'legacy-bedrock-poc';
/** The principal that appears only in the third snapshot (new access), when the organisation has it. */
export const NEW_PRINCIPAL_NAME = 'public-demo-invoker';

type IamEntity = Record<string, unknown> & { AttachedManagedPolicies?: Array<{ PolicyName: string; PolicyArn: string }> };
interface AccountFile {
  UserDetailList: IamEntity[];
  GroupDetailList: IamEntity[];
  RoleDetailList: IamEntity[];
  Policies: unknown[];
}

export interface HistoryStage {
  /** The first snapshot: the widened user still had the limited policy. */
  isFirst: boolean;
}

const FULL = 'AmazonBedrockFullAccess';
const LIMITED = 'AmazonBedrockLimitedAccess';

/**
 * The demo organisation as it was at an earlier snapshot (pure; works on the parsed account files).
 * Both earlier stages: the retired role exists (a copy of the first role holding AmazonBedrockFullAccess)
 * and the new principal does not. The first stage only: the first user holding
 * AmazonBedrockFullAccess held AmazonBedrockLimitedAccess instead (widened later).
 */
export function historicalOrganization(files: ReadonlyMap<string, AccountFile>, stage: HistoryStage): Map<string, AccountFile> {
  const result = new Map<string, AccountFile>();
  let retiredAdded = false;
  let widened = false;
  for (const [accountId, original] of files) {
    const file = structuredClone(original) as AccountFile;
    file.RoleDetailList = file.RoleDetailList.filter((role) => role.RoleName !== NEW_PRINCIPAL_NAME);
    if (!retiredAdded) {
      const template = file.RoleDetailList.find((role) => (role.AttachedManagedPolicies ?? []).some((policy) => policy.PolicyName === FULL));
      if (template) {
        const retired = structuredClone(template);
        retired.RoleName = RETIRED_ROLE_NAME;
        retired.Path = '/';
        retired.RoleId = `AROA${accountId.slice(0, 6)}RETIREDPOC0`.slice(0, 21);
        retired.Arn = `arn:aws:iam::${accountId}:role/${RETIRED_ROLE_NAME}`;
        retired.RoleLastUsed = {};
        retired.InstanceProfileList = [];
        retired.Tags = [];
        retired.AttachedManagedPolicies = [{ PolicyName: FULL, PolicyArn: `arn:aws:iam::aws:policy/${FULL}` }];
        file.RoleDetailList.push(retired);
        retiredAdded = true;
      }
    }
    if (stage.isFirst && !widened) {
      const user = file.UserDetailList.find((candidate) => (candidate.AttachedManagedPolicies ?? []).some((policy) => policy.PolicyName === FULL));
      if (user) {
        user.AttachedManagedPolicies = (user.AttachedManagedPolicies ?? []).map((policy) => (policy.PolicyName === FULL ? { PolicyName: LIMITED, PolicyArn: `arn:aws:iam::aws:policy/${LIMITED}` } : policy));
        widened = true;
      }
    }
    result.set(accountId, file);
  }
  return result;
}

function writeHistoricalCopy(orgDirectory: string, stage: HistoryStage): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'bar-demo-history-'));
  fs.cpSync(orgDirectory, target, { recursive: true });
  const files = new Map<string, AccountFile>();
  for (const name of fs.readdirSync(orgDirectory)) {
    if (/^\d{12}\.json$/.test(name)) files.set(name.slice(0, 12), JSON.parse(fs.readFileSync(path.join(orgDirectory, name), 'utf8')) as AccountFile);
  }
  for (const [accountId, file] of historicalOrganization(files, stage)) fs.writeFileSync(path.join(target, `${accountId}.json`), JSON.stringify(file, null, 2));
  return target;
}

async function importAt(database: AppDatabase, directory: string, at: Date): Promise<number> {
  const outcome = await runScan(database, { kind: 'offline', directory }, { trigger: 'demo', requestedBy: 'demo', now: () => at });
  if (outcome.status === 'failed') throw new Error(`The demo history import of ${directory} failed: ${outcome.problems.join('; ')}`);
  return outcome.scanId;
}

function quarterName(at: Date): string {
  return `Q${Math.floor(at.getUTCMonth() / 3) + 1} ${at.getUTCFullYear()} quarterly Bedrock access review`;
}

function itemsOf(database: AppDatabase, campaignId: number) {
  return database
    .select({ id: campaignItems.id, version: campaignItems.version, reviewerEmail: campaignItems.reviewerEmail, principalName: campaignItems.principalName, score: campaignItems.score, entitlementKey: campaignItems.entitlementKey, tiersMask: campaignItems.tiersMask })
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId))
    .orderBy(desc(campaignItems.score), asc(campaignItems.id))
    .all();
}

function revocationOfItem(database: AppDatabase, itemId: number): number | null {
  return database.select({ id: revocations.id }).from(revocations).where(eq(revocations.campaignItemId, itemId)).get()?.id ?? null;
}

function at(base: Date, days: number, hours = 0): Date {
  return new Date(base.getTime() + days * DAY_MS + hours * 60 * 60 * 1000);
}

/** Decides items of a campaign the way reviewers do over a few days; returns the revocations created. */
function decideCampaign(database: AppDatabase, campaignId: number, start: Date, share: number, note: string): { revocationIds: number[]; delegated: boolean } {
  const items = itemsOf(database, campaignId);
  const toDecide = Math.round(items.length * share);
  const revocationIds: number[] = [];
  let delegated = false;
  items.slice(0, toDecide).forEach((item, index) => {
    const when = at(start, 1 + (index % 6), 9 + (index % 8));
    // Every sixth item is revoked (the riskiest first), one is delegated, the rest attested; some with a keep-until.
    if (index % 6 === 0 && revocationIds.length < 4) {
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, now: when, decision: { kind: 'revoke', justification: `${note}: no business owner confirmed a need for this access.` } });
      const revocationId = revocationOfItem(database, item.id);
      if (revocationId) revocationIds.push(revocationId);
    } else if (!delegated && item.reviewerEmail !== SECOND_ADMIN && index % 6 === 3) {
      const delegateTo = item.reviewerEmail === ADMIN ? SECOND_ADMIN : ADMIN;
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, now: when, decision: { kind: 'delegate', delegateTo, note: `${note}: the platform team runs this workload now.` } });
      delegated = true;
    } else {
      const keepUntil = index % 4 === 1 ? at(when, 120).toISOString().slice(0, 10) : null;
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, now: when, decision: { kind: 'attest', justification: `${note}: used by a production workload this quarter.`, keepUntil } });
    }
  });
  return { revocationIds, delegated };
}

/** An admin's own request on a grant of the latest snapshot that has no revocation yet. */
function requestOnFreeGrant(database: AppDatabase, scanId: number, exclude: Set<string>, now: Date, evaluate: EvaluateAccess, justification: string): number | null {
  const candidates = database
    .select({ principalArn: principals.arn, entitlementKey: entitlements.entitlementKey })
    .from(entitlements)
    .innerJoin(principals, eq(principals.id, entitlements.principalId))
    .where(and(eq(entitlements.scanId, scanId), eq(entitlements.policyKind, 'inline')))
    .orderBy(asc(entitlements.id))
    .all();
  for (const candidate of candidates) {
    if (exclude.has(candidate.entitlementKey)) continue;
    if (database.select({ id: revocations.id }).from(revocations).where(eq(revocations.entitlementKey, candidate.entitlementKey)).get()) continue;
    try {
      const { id } = requestRevocation(database, { principalArn: candidate.principalArn, entitlementKey: candidate.entitlementKey, justification, actor: ADMIN, now, evaluate });
      exclude.add(candidate.entitlementKey);
      return id;
    } catch {
      // A grant the planner cannot revoke on its own (for example one a group carries): try the next.
    }
  }
  return null;
}

/**
 * What the AWS CLI prints when a service control policy denies the script's first IAM call: the
 * CLI's error line around IAM's AccessDenied message for an explicit deny in an SCP.
 */
function scriptDeniedOutput(database: AppDatabase, revocationId: number): string {
  const row = database.select({ plan: revocations.plan }).from(revocations).where(eq(revocations.id, revocationId)).get();
  const plan = row?.plan ? (JSON.parse(row.plan) as RevocationPlan) : null;
  const action = plan?.calls[0]?.action ?? 'DeleteRolePolicy';
  const resource = plan ? `${plan.principalType} ${plan.principalName}` : 'role';
  const account = plan?.accountId ?? '000000000000';
  return `\nAn error occurred (AccessDenied) when calling the ${action} operation: User: arn:aws:sts::${account}:assumed-role/PlatformAdmin/admin@example.com is not authorized to perform: iam:${action} on resource: ${resource} with an explicit deny in a service control policy\n`;
}

export interface DemoHistorySummary {
  scanIds: number[];
  closedCampaignId: number;
  activeCampaignId: number;
  revocationsByStatus: Record<string, number>;
  /** The Identity Center assignment campaign (#14); null when the demo organisation has no Identity Center. */
  assignmentCampaignId: number | null;
}

/**
 * An assignment campaign on the latest snapshot (#14): every 4th item attested, the first group
 * assignment of a Bedrock-customising role revoked. Null when the snapshot read no Identity Center.
 */
function seedAssignmentCampaign(database: AppDatabase, launchedAt: Date): number | null {
  let campaignId: number;
  try {
    campaignId = launchCampaign(database, { name: `Identity Center assignments ${quarterName(launchedAt)}`, kind: 'standard', scope: { ...EMPTY_SCOPE, subject: 'assignments' }, dueInDays: 21, closeBehaviour: 'report', launchedBy: ADMIN, fallbackReviewers: FALLBACK_REVIEWERS, now: launchedAt }).campaignId;
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
  const items = itemsOf(database, campaignId);
  const toRevoke = items.find((item) => item.entitlementKey.includes('|group:') && (item.tiersMask & tierBit('customize')) !== 0);
  items.forEach((item, index) => {
    const when = at(launchedAt, 1, index % 12);
    if (item.id === toRevoke?.id) {
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, now: when, decision: { kind: 'revoke', justification: 'Moved to another team: fine-tuning through this group is no longer needed.' } });
    } else if (index % 4 === 1) {
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, now: when, decision: { kind: 'attest', justification: 'Current member of the team this group serves.' } });
    }
  });
  return campaignId;
}

/**
 * Seeds the history into a database that has the demo users and NO snapshot yet; `now` is the
 * moment the demo starts. The last import is the demo organisation itself, so the pages show the
 * same latest snapshot as without history.
 */
export async function seedDemoHistory(database: AppDatabase, input: { orgDirectory: string; now: Date; evaluate?: EvaluateAccess }): Promise<DemoHistorySummary> {
  if (database.select({ id: scans.id }).from(scans).limit(1).get()) throw new Error('The demo history goes into a database without snapshots.');
  const evaluate = input.evaluate ?? (await createEngineEvaluate());
  const first = at(input.now, -88);
  const second = at(input.now, -50);
  const third = at(input.now, -19);
  const copies: string[] = [];
  try {
    copies.push(writeHistoricalCopy(input.orgDirectory, { isFirst: true }), writeHistoricalCopy(input.orgDirectory, { isFirst: false }));
    const firstScan = await importAt(database, copies[0], first);

    // Last quarter's campaign, on the first snapshot: decided by its reviewers, then closed.
    const closed = launchCampaign(database, { name: quarterName(at(first, 1)), kind: 'standard', scope: EMPTY_SCOPE, dueInDays: 21, closeBehaviour: 'report', launchedBy: ADMIN, fallbackReviewers: FALLBACK_REVIEWERS, now: at(first, 1) });
    const closedDecisions = decideCampaign(database, closed.campaignId, at(first, 1), 0.9, 'Last quarter');
    closeCampaign(database, { campaignId: closed.campaignId, actor: ADMIN, now: at(first, 23), reason: 'manual' });
    const [rolledBack, rejected] = closedDecisions.revocationIds;
    if (rolledBack) {
      approveRevocation(database, { id: rolledBack, actor: SECOND_ADMIN, now: at(first, 24), requireFourEyes: true, comment: 'Approved from the closed campaign.', evaluate });
      requestExecution(database, { id: rolledBack, actor: ADMIN, now: at(first, 25) });
    }
    if (rejected) rejectRevocation(database, { id: rejected, actor: SECOND_ADMIN, now: at(first, 24, 2), reason: 'The workload owner showed a current need; kept and re-reviewed next quarter.' });

    const secondScan = await importAt(database, copies[1], second);
    // The script restored nothing it should not have: the owner asked for the access back.
    if (rolledBack) requestRollback(database, { id: rolledBack, actor: ADMIN, now: at(second, 1) });

    // The retired proof-of-concept role: revoked between the second and third snapshots, verified by the third import.
    const retired = database
      .select({ principalArn: principals.arn, entitlementKey: entitlements.entitlementKey })
      .from(entitlements)
      .innerJoin(principals, eq(principals.id, entitlements.principalId))
      .where(and(eq(entitlements.scanId, secondScan), eq(principals.name, RETIRED_ROLE_NAME)))
      .get();
    if (retired) {
      const { id } = requestRevocation(database, { principalArn: retired.principalArn, entitlementKey: retired.entitlementKey, justification: 'The proof of concept ended; the role has had full Bedrock access since and no owner.', actor: ADMIN, now: at(second, 2), evaluate });
      approveRevocation(database, { id, actor: SECOND_ADMIN, now: at(second, 2, 3), requireFourEyes: true, comment: 'Confirmed with the ML platform owner.', evaluate });
      requestExecution(database, { id, actor: ADMIN, now: at(second, 3) });
    }

    const thirdScan = await importAt(database, input.orgDirectory, third);

    // The micro-certifications the imports launched for new and widened access closed at their due
    // date, as the worker closes every campaign (db/queries/campaigns/schedules.ts).
    const overdueMicro = database.select({ id: campaigns.id, dueAt: campaigns.dueAt }).from(campaigns).where(and(eq(campaigns.kind, 'micro'), eq(campaigns.status, 'active'))).all();
    for (const micro of overdueMicro) {
      if (Date.parse(micro.dueAt) <= input.now.getTime()) closeCampaign(database, { campaignId: micro.id, actor: WORKER_ACTOR, now: new Date(micro.dueAt), reason: 'due-date' });
    }

    // This quarter's campaign, on the latest snapshot: about half decided, due in nine days (the
    // worker closes a campaign at its due date, so an active one is never past due for long).
    const launchedAt = at(third, 7);
    const active = launchCampaign(database, { name: quarterName(launchedAt), kind: 'standard', scope: EMPTY_SCOPE, dueInDays: 21, closeBehaviour: 'report', launchedBy: ADMIN, fallbackReviewers: FALLBACK_REVIEWERS, now: launchedAt });
    const activeDecisions = decideCampaign(database, active.campaignId, launchedAt, 0.5, 'This quarter');
    const [approved] = activeDecisions.revocationIds;
    if (approved) approveRevocation(database, { id: approved, actor: SECOND_ADMIN, now: at(third, 14), requireFourEyes: true, comment: 'Approved; the owner runs the script in the next change window.', evaluate });

    // Identity Center (#14): this quarter's certification of assignments, one item per person, permission
    // set, account and group; a few decided, one group assignment revoked (its request awaits approval).
    const assignmentCampaignId = seedAssignmentCampaign(database, at(third, 8));

    // An admin's direct request, approved by the second admin and executed: its script awaits the next import.
    const taken = new Set<string>();
    const executed = requestOnFreeGrant(database, thirdScan, taken, at(third, 15), evaluate, 'Inline grant outside the approved model list.');
    if (executed) {
      approveRevocation(database, { id: executed, actor: SECOND_ADMIN, now: at(third, 15, 2), requireFourEyes: true, comment: 'Four-eyes approval.', evaluate });
      requestExecution(database, { id: executed, actor: ADMIN, now: at(third, 16) });
    }
    requestOnFreeGrant(database, thirdScan, taken, at(third, 17), evaluate, 'Found while triaging the overdue campaign: the inline policy allows every model.');

    // A script that stopped: the account's service control policy denies IAM changes to the role,
    // and the admin who ran it reported the AWS CLI's error (the revocation is 'failed').
    const stopped = requestOnFreeGrant(database, thirdScan, taken, at(third, 12), evaluate, 'Inline grant broader than the team needs; the owner agreed to remove it.');
    if (stopped) {
      approveRevocation(database, { id: stopped, actor: SECOND_ADMIN, now: at(third, 12, 4), requireFourEyes: true, comment: 'Approved; run it in the Thursday window.', evaluate });
      requestExecution(database, { id: stopped, actor: ADMIN, now: at(third, 13) });
      reportScriptFailure(database, { id: stopped, actor: ADMIN, now: at(third, 13, 1), output: scriptDeniedOutput(database, stopped) });
    }

    const revocationsByStatus: Record<string, number> = {};
    for (const row of database.select({ status: revocations.status }).from(revocations).all()) revocationsByStatus[row.status] = (revocationsByStatus[row.status] ?? 0) + 1;
    return { scanIds: [firstScan, secondScan, thirdScan], closedCampaignId: closed.campaignId, activeCampaignId: active.campaignId, assignmentCampaignId, revocationsByStatus };
  } finally {
    for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
  }
}
