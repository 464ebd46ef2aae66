import type { CallerKind } from './types';

export interface PrincipalActionUsageRow {
  action: string;
  callerKind: CallerKind;
  callerName: string;
  /** The Identity Center user id the caller was resolved to ('' when not resolved). */
  callerUserId: string;
  calls: number;
  deniedCalls: number;
  lastCallAt: string | null;
}

/** The usage evidence beside a campaign item: the calls of the item's own actions. */
export interface ItemUsageEvidence {
  windowDays: number;
  calls: number;
  deniedCalls: number;
  lastUsed: string | null;
  /** Up to three callers, most calls first. */
  callers: Array<{ kind: CallerKind; name: string; calls: number }>;
  callerCount: number;
  /** CloudTrail was read and shows no call of these actions in the window. */
  isUnused: boolean;
}

/**
 * Usage of one entitlement: calls of the actions it grants by its principal over the window.
 * Without CloudTrail evidence the answer is null (unknown), never "unused".
 */
export function summarizeItemUsage(rows: readonly PrincipalActionUsageRow[], actions: readonly string[], hasCloudTrail: boolean, windowDays: number): ItemUsageEvidence | null {
  if (!hasCloudTrail) return null;
  const wanted = new Set(actions);
  const callers = new Map<string, { kind: CallerKind; name: string; calls: number }>();
  const evidence: ItemUsageEvidence = { windowDays, calls: 0, deniedCalls: 0, lastUsed: null, callers: [], callerCount: 0, isUnused: true };
  for (const row of rows) {
    if (!wanted.has(row.action)) continue;
    evidence.deniedCalls += row.deniedCalls;
    if (row.calls === 0) continue;
    evidence.calls += row.calls;
    if (row.lastCallAt !== null && (evidence.lastUsed === null || row.lastCallAt > evidence.lastUsed)) evidence.lastUsed = row.lastCallAt;
    const key = `${row.callerKind}\u001f${row.callerName}`;
    const caller = callers.get(key) ?? { kind: row.callerKind, name: row.callerName, calls: 0 };
    caller.calls += row.calls;
    callers.set(key, caller);
  }
  const sorted = [...callers.values()].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
  evidence.callers = sorted.slice(0, 3);
  evidence.callerCount = sorted.length;
  evidence.isUnused = evidence.calls === 0;
  return evidence;
}

/** The Identity Center person an assignment item is about: their user id and the names a session may carry. */
export interface AssignmentPerson {
  userId: string;
  userName: string;
  email: string | null;
}

/**
 * An assignment item's evidence is the person's own calls through the role, not everyone's who
 * shares the permission set: the calls attributed to their Identity Center user id, or, where the
 * id was not resolved, to a session named by their user name or email.
 */
export function callsOfPerson(rows: readonly PrincipalActionUsageRow[], person: AssignmentPerson): PrincipalActionUsageRow[] {
  const names = new Set([person.userName, person.email].filter((name): name is string => Boolean(name)).map((name) => name.toLowerCase()));
  return rows.filter((row) => row.callerKind === 'person' && (row.callerUserId === person.userId || (row.callerUserId === '' && names.has(row.callerName.toLowerCase()))));
}
