import type { AppDatabase } from '../../db/client';
import { approveRevocation, computePlan, rejectRevocation, requestExecution, requestRevocation } from '../../db/queries/revocations/commands';
import { listEntitlementKeysOfPrincipal } from '../../db/queries/revocations/entitlement-keys-of-principal';
import { getRevocationDetail, getRevocationScript, listRevocations } from '../../db/queries/revocations/list';
import { findActiveUserByEmail } from '../../db/queries/users';
import { REVOCATION_STATUSES, type RevocationStatus } from '../../db/schema/revocations';
import { NotFoundError } from '../../lib/http/errors';
import { renderCliCommand } from '../../lib/revocations/render-cli-script';
import type { EvaluateAccess, RevocationPlan } from '../../lib/revocations/types';
import { integerFlag, requireStringFlag, stringFlag, UsageError, type ParsedArguments } from '../cli-args';

export const REVOCATION_USAGE = `usage (every command takes --as EMAIL, an active admin, who is named in the audit log):
  revocation request --principal ARN [--entitlement KEY] --justification TEXT   prints the new id on its first line
  revocation plan ID                      the plan (or the preview of a request not yet approved) and any refusal; exit 3 when refused
  revocation approve ID --comment C       approve and freeze the plan (four-eyes when configured)
  revocation reject ID [--reason R]
  revocation execute ID                   live: hand to the worker; offline: produce the AWS CLI script (awaiting confirmation)
  revocation script ID                    print the offline AWS CLI script
  revocation list [--status S] [--page N]`;

/** What the command needs besides the database: injected so tests run without a configuration file. */
export interface RevocationCommandContext {
  requireFourEyes: boolean;
  evaluate: () => Promise<EvaluateAccess>;
  now: () => Date;
  /** Lines to stdout. */
  print: (line: string) => void;
}

/** `--as EMAIL` must be an active admin: the same rule as the web app's `requireRole('admin')`. */
function actingAdmin(database: AppDatabase, parsed: ParsedArguments): string {
  const email = requireStringFlag(parsed, 'as').toLowerCase();
  const user = findActiveUserByEmail(database, email);
  if (!user) throw new UsageError(`--as ${email}: no active user with this email`);
  if (user.role !== 'admin') throw new UsageError(`--as ${email}: only admins act on revocations (this user is ${user.role})`);
  return user.email;
}

function idArgument(parsed: ParsedArguments): number {
  const text = parsed.positionals[2];
  const id = Number(text);
  if (!text || !Number.isSafeInteger(id) || id < 1) throw new UsageError(`a revocation id is required\n${REVOCATION_USAGE}`);
  return id;
}

function planLines(plan: RevocationPlan, isPreview: boolean): string[] {
  const lines = [
    `Plan${isPreview ? ' (preview: approving computes it again from the latest snapshot and freezes it)' : ''}: ${plan.kind}`,
    `Principal:   ${plan.principalArn}`,
    `Entitlement: ${plan.entitlementKey}`,
    `Reason:      ${plan.reason}`,
  ];
  if (plan.refusal) {
    lines.push(`REFUSED (${plan.refusal.code}): ${plan.refusal.reason}`);
    for (const limit of plan.refusal.limits.filter((item) => item.kind !== 'name')) lines.push(`  ${limit.kind}: ${limit.actual} where IAM allows ${limit.limit}`);
  }
  lines.push(`IAM calls (${plan.calls.length}):`, ...plan.calls.map((call) => `  ${renderCliCommand(call)}`));
  lines.push(`Bedrock actions before: ${plan.before.actions.length}; expected after: ${plan.after.actions.length}; entitlement gone: ${plan.after.isEntitlementGone ? 'yes' : 'no'}`);
  if (plan.collateralActions.length > 0) lines.push(`Also lost outside the entitlement: ${plan.collateralActions.join(', ')}`);
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  return lines;
}

/**
 * `revocation request|plan|approve|reject|execute|script|list`: the admin's revocation commands,
 * through the same domain commands (db/queries/revocations/commands.ts), checks (four-eyes) and
 * audit entries as the web app's routes. Returns the exit code: 0, or 3 for `plan` of a refused plan.
 */
export async function revocationCommand(database: AppDatabase, parsed: ParsedArguments, context: RevocationCommandContext): Promise<number> {
  const subcommand = parsed.positionals[1];
  if (!subcommand || subcommand === 'help') {
    context.print(REVOCATION_USAGE);
    return subcommand ? 0 : 2;
  }
  const actor = actingAdmin(database, parsed);
  const viewer = { role: 'admin' as const, email: actor };
  switch (subcommand) {
    case 'request': {
      const principalArn = requireStringFlag(parsed, 'principal');
      const justification = requireStringFlag(parsed, 'justification');
      let key = stringFlag(parsed, 'entitlement');
      if (!key) {
        const keys = listEntitlementKeysOfPrincipal(database, principalArn);
        if (keys.length === 0) throw new NotFoundError(`${principalArn} holds no Bedrock entitlement in a published snapshot.`);
        if (keys.length > 1) throw new UsageError(`${principalArn} holds ${keys.length} Bedrock entitlements; name one with --entitlement:\n${keys.map((item) => `  ${item}`).join('\n')}`);
        key = keys[0];
      }
      const { id } = requestRevocation(database, { principalArn, entitlementKey: key, justification, actor, now: context.now(), evaluate: await context.evaluate() });
      context.print(String(id));
      context.print(`Revocation #${id} requested by ${actor} for ${key}.`);
      return 0;
    }
    case 'plan': {
      const id = idArgument(parsed);
      const detail = getRevocationDetail(database, id, viewer);
      if (!detail) throw new NotFoundError(`No revocation #${id}.`);
      const plan = detail.plan ?? computePlan(database, { principalArn: detail.principalArn, entitlementKey: detail.entitlementKey, evaluate: await context.evaluate() });
      context.print(`Revocation #${id}: ${detail.status} (${detail.mode})`);
      for (const line of planLines(plan, detail.plan === null)) context.print(line);
      return plan.refusal ? 3 : 0;
    }
    case 'approve': {
      const id = idArgument(parsed);
      approveRevocation(database, { id, actor, now: context.now(), requireFourEyes: context.requireFourEyes, evaluate: await context.evaluate(), comment: stringFlag(parsed, 'comment') ?? '' });
      context.print(`Revocation #${id} approved by ${actor}.`);
      return 0;
    }
    case 'reject': {
      const id = idArgument(parsed);
      rejectRevocation(database, { id, actor, now: context.now(), reason: stringFlag(parsed, 'reason') ?? '' });
      context.print(`Revocation #${id} rejected by ${actor}.`);
      return 0;
    }
    case 'execute': {
      const id = idArgument(parsed);
      const { status } = requestExecution(database, { id, actor, now: context.now() });
      context.print(
        status === 'executing'
          ? `Revocation #${id} handed to the worker (executing): run \`npm run cli -- worker\` if none is running.`
          : `Revocation #${id}: the AWS CLI script is ready (awaiting confirmation). Print it with \`revocation script ${id}\`, run it, then import the account again to verify.`,
      );
      return 0;
    }
    case 'script': {
      const id = idArgument(parsed);
      const script = getRevocationScript(database, id, viewer);
      if (script === null) throw new NotFoundError(`Revocation #${id} has no script: only offline revocations that were executed have one.`);
      context.print(script);
      return 0;
    }
    case 'list': {
      const statusText = stringFlag(parsed, 'status');
      if (statusText !== undefined && !(REVOCATION_STATUSES as readonly string[]).includes(statusText)) throw new UsageError(`--status must be one of ${REVOCATION_STATUSES.join(', ')}`);
      const page = integerFlag(parsed, 'page') ?? 1;
      if (page < 1) throw new UsageError('--page must be 1 or more');
      const { rows, total } = listRevocations(database, { viewer, status: statusText as RevocationStatus | undefined, page, pageSize: 100 });
      context.print(['id', 'status', 'mode', 'requested', 'by', 'principal', 'entitlement'].join('\t'));
      for (const row of rows) context.print([row.id, row.status, row.mode, row.requestedAt.slice(0, 19), row.requestedBy, row.principalArn, row.entitlementKey].join('\t'));
      context.print(`${total} revocation(s)${total > rows.length ? `, page ${page} of ${Math.ceil(total / 100)}` : ''}.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown revocation command "${subcommand}"\n${REVOCATION_USAGE}`);
  }
}
