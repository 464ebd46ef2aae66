import type { BlastRadius, Severity, Tier } from '../analysis/types';
import type { PersonAccount, PersonAnalysis, PersonConflict } from './analyze-person';

/**
 * A person's analysis as a scan stores it (identity_center_users.analysis, #14 scale): each role
 * ARN once, referenced by position, and action lists as bitsets over the scan's action names
 * (identity_center_instances.person_action_names, sorted). About 100 KB a person became a few
 * KB: at 20,000 people with about 57 roles each, the ARNs repeated in every conflict side and
 * the action lists were most of the bytes written. Expanded back to PersonAnalysis on reading.
 */
export interface StoredPersonAnalysis {
  format: 2;
  /** The person's roles (ARN and account), sorted by ARN; `roles` below are positions in it. */
  roles: Array<[arn: string, accountId: string]>;
  tiers: Tier[];
  /** Hex bitset of the Bedrock actions held through any role. */
  actions: string;
  accounts: Array<{ accountId: string; roles: number[]; tiers: Tier[]; actionCount: number }>;
  blastRadius: BlastRadius;
  conflicts: Array<{ ruleId: string; severity: Severity; title: string; sideA: StoredConflictSide; sideB: StoredConflictSide; isAcrossRoles: boolean }>;
}

interface StoredConflictSide {
  roles: number[];
  /** Hex bitset of the side's actions. */
  actions: string;
}

/** Bits in 32-bit words; bit `index` is action name `index` of the scan's sorted action names. */
export type ActionBits = Uint32Array;

export function emptyActionBits(actionCount: number): ActionBits {
  return new Uint32Array(Math.ceil(actionCount / 32));
}

export function orInto(target: ActionBits, source: ActionBits): void {
  for (let word = 0; word < target.length; word += 1) target[word] |= source[word];
}

/** Population count, 32 bits at a time (SWAR): a person's accounts hold hundreds of actions each. */
export function countBits(bits: ActionBits): number {
  let count = 0;
  for (let index = 0; index < bits.length; index += 1) {
    let word = bits[index];
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}

/** Eight hex digits per word, trailing zero words dropped (most people hold few actions of a large catalogue). */
export function bitsToHex(bits: ActionBits): string {
  let last = bits.length - 1;
  while (last >= 0 && bits[last] === 0) last -= 1;
  let hex = '';
  for (let word = 0; word <= last; word += 1) hex += bits[word].toString(16).padStart(8, '0');
  return hex;
}

/** The names a hex bitset selects, in the names' order (sorted, so the list comes out sorted). */
export function namesOfHex(hex: string, names: readonly string[]): string[] {
  const selected: string[] = [];
  for (let word = 0; word * 8 < hex.length; word += 1) {
    const value = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    if (value === 0) continue;
    for (let bit = 0; bit < 32; bit += 1) {
      if ((value >>> bit) & 1) {
        const name = names[word * 32 + bit];
        if (name !== undefined) selected.push(name);
      }
    }
  }
  return selected;
}

function isStoredFormat(value: unknown): value is StoredPersonAnalysis {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 2;
}

/** Scans stored before #14's scale work kept each account's action list; they now keep its count. */
function withActionCounts(analysis: PersonAnalysis): PersonAnalysis {
  const accounts = (analysis.accounts ?? []).map((account) => {
    const legacy = account as PersonAccount & { actions?: string[] };
    return typeof legacy.actionCount === 'number' ? account : { ...account, actionCount: legacy.actions?.length ?? 0 };
  });
  return { ...analysis, accounts };
}

/** The PersonAnalysis a stored analysis stands for, given the scan's action names. */
export function expandPersonAnalysis(userId: string, stored: StoredPersonAnalysis, actionNames: readonly string[]): PersonAnalysis {
  const roleRef = (position: number) => ({ roleArn: stored.roles[position][0], accountId: stored.roles[position][1] });
  const side = (entry: StoredConflictSide): PersonConflict['sideA'] => ({ roles: entry.roles.map(roleRef), actions: namesOfHex(entry.actions, actionNames) });
  return {
    userId,
    tiers: stored.tiers,
    actions: namesOfHex(stored.actions, actionNames),
    accounts: stored.accounts.map((account) => ({ accountId: account.accountId, roleArns: account.roles.map((position) => stored.roles[position][0]), tiers: account.tiers, actionCount: account.actionCount })),
    blastRadius: stored.blastRadius,
    conflicts: stored.conflicts.map((conflict) => ({ ruleId: conflict.ruleId, severity: conflict.severity, title: conflict.title, sideA: side(conflict.sideA), sideB: side(conflict.sideB), isAcrossRoles: conflict.isAcrossRoles })),
  };
}

/**
 * Reads identity_center_users.analysis in any stored form: the compact one, or the full
 * PersonAnalysis JSON that scans before it stored. `{}` (a person written without an analysis)
 * reads as no access.
 */
export function readStoredPersonAnalysis(userId: string, text: string, actionNames: readonly string[]): PersonAnalysis {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = {};
  }
  if (isStoredFormat(parsed)) return expandPersonAnalysis(userId, parsed, actionNames);
  const legacy = (parsed ?? {}) as Partial<PersonAnalysis>;
  return withActionCounts({ userId, tiers: legacy.tiers ?? [], actions: legacy.actions ?? [], accounts: legacy.accounts ?? [], blastRadius: legacy.blastRadius ?? { score: 0, factors: [] }, conflicts: legacy.conflicts ?? [] });
}
