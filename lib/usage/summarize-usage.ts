import type { CallerKind } from './types';

/** The stored aggregate columns a summary needs (one row per bucket, any number of scans). */
export interface UsageRow {
  action: string;
  /** Region of the calls, when the query kept it (model ARNs need it). */
  region?: string;
  modelId: string;
  day: string;
  callerKind: CallerKind;
  callerName: string;
  callerUserId: string;
  unattributedReason: string;
  isStandingCredential: boolean;
  calls: number;
  deniedCalls: number;
  lastCallAt: string | null;
  lastDeniedAt: string | null;
}

export interface UsageCount {
  calls: number;
  lastUsed: string | null;
}

export interface UsageCaller extends UsageCount {
  kind: CallerKind;
  name: string;
}

/** The `usage` object of the export, per principal (and later per person). */
export interface UsageSummary {
  windowDays: number;
  lastUsed: string | null;
  calls: number;
  deniedCalls: number;
  actions: Record<string, UsageCount>;
  models: Record<string, UsageCount>;
  callers: UsageCaller[];
}

/** What the usage panel shows beyond the export. */
export interface UsageDetail extends UsageSummary {
  calls30: number;
  deniedCalls30: number;
  lastDenied: string | null;
  standingCredentialCalls: number;
  distinctPeople: number;
  distinctWorkloads: number;
  /** Identity Center user ids of the people, when the logs carried them (to join to people later). */
  callerUserIds: Record<string, string>;
  /** Regions each used model was called in (to spell its ARN). */
  modelRegions: Record<string, string[]>;
  /** Denied attempts per model: what it tried and may not use. */
  deniedModels: Record<string, number>;
  /** One entry per day of the window, oldest first, zero days included: the chart. */
  daily: Array<{ day: string; calls: number; deniedCalls: number }>;
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** `YYYY-MM-DD` of `asOf` minus `days - 1` days: the first day of a window of `days` days. */
export function windowStartDay(asOf: Date, days: number): string {
  return new Date(asOf.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

function bump(map: Record<string, UsageCount>, key: string, calls: number, last: string | null): void {
  const entry = map[key] ?? (map[key] = { calls: 0, lastUsed: null });
  entry.calls += calls;
  entry.lastUsed = later(entry.lastUsed, last);
}

/**
 * Folds aggregate rows into the usage of one principal over `windowDays` ending on `asOf`'s day.
 * Denied calls are attempts: they count in `deniedCalls`, never in `calls`, `lastUsed`, actions,
 * models or callers. Rows outside the window are ignored. Callers are ordered by calls, then name.
 */
export function summarizeUsage(rows: readonly UsageRow[], asOf: Date, windowDays: number): UsageDetail {
  const start = windowStartDay(asOf, windowDays);
  const start30 = windowStartDay(asOf, Math.min(30, windowDays));
  const end = asOf.toISOString().slice(0, 10);
  const summary: UsageDetail = { windowDays, lastUsed: null, calls: 0, deniedCalls: 0, actions: {}, models: {}, callers: [], calls30: 0, deniedCalls30: 0, lastDenied: null, standingCredentialCalls: 0, distinctPeople: 0, distinctWorkloads: 0, callerUserIds: {}, modelRegions: {}, deniedModels: {}, daily: [] };
  const callers = new Map<string, UsageCaller>();
  const daily = new Map<string, { calls: number; deniedCalls: number }>();
  for (const row of rows) {
    if (row.day < start || row.day > end) continue;
    summary.deniedCalls += row.deniedCalls;
    summary.lastDenied = later(summary.lastDenied, row.lastDeniedAt);
    if (row.day >= start30) {
      summary.calls30 += row.calls;
      summary.deniedCalls30 += row.deniedCalls;
    }
    const day = daily.get(row.day) ?? { calls: 0, deniedCalls: 0 };
    day.calls += row.calls;
    day.deniedCalls += row.deniedCalls;
    daily.set(row.day, day);
    if (row.deniedCalls > 0 && row.modelId !== '') summary.deniedModels[row.modelId] = (summary.deniedModels[row.modelId] ?? 0) + row.deniedCalls;
    if (row.calls === 0) continue;
    if (row.modelId !== '' && row.region !== undefined) {
      const regions = summary.modelRegions[row.modelId] ?? (summary.modelRegions[row.modelId] = []);
      if (!regions.includes(row.region)) regions.push(row.region);
    }
    summary.calls += row.calls;
    summary.lastUsed = later(summary.lastUsed, row.lastCallAt);
    if (row.isStandingCredential) summary.standingCredentialCalls += row.calls;
    bump(summary.actions, row.action, row.calls, row.lastCallAt);
    if (row.modelId !== '') bump(summary.models, row.modelId, row.calls, row.lastCallAt);
    const callerKey = `${row.callerKind}\u001f${row.callerName}`;
    const caller = callers.get(callerKey) ?? { kind: row.callerKind, name: row.callerName, calls: 0, lastUsed: null };
    caller.calls += row.calls;
    caller.lastUsed = later(caller.lastUsed, row.lastCallAt);
    callers.set(callerKey, caller);
    if (row.callerUserId !== '') summary.callerUserIds[row.callerName] = row.callerUserId;
  }
  summary.callers = [...callers.values()].sort((a, b) => b.calls - a.calls || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  summary.distinctPeople = summary.callers.filter((caller) => caller.kind === 'person').length;
  summary.distinctWorkloads = summary.callers.filter((caller) => caller.kind === 'workload').length;
  for (let time = new Date(`${start}T00:00:00Z`).getTime(); time <= new Date(`${end}T00:00:00Z`).getTime(); time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    summary.daily.push({ day, ...(daily.get(day) ?? { calls: 0, deniedCalls: 0 }) });
  }
  return summary;
}

/** The export's `usage` object: exactly the fields the export promises. */
export function toExportedUsage(detail: UsageDetail): UsageSummary {
  return { windowDays: detail.windowDays, lastUsed: detail.lastUsed, calls: detail.calls, deniedCalls: detail.deniedCalls, actions: detail.actions, models: detail.models, callers: detail.callers };
}

export interface ProvenanceRow {
  callerKind: CallerKind;
  unattributedReason: string;
  events: number;
}

/** The export's top-level `provenance`. `events - attributed - unattributed` were IAM-user calls. */
export interface ProvenanceSummary {
  events: number;
  attributed: number;
  unattributed: number;
  byReason: Record<string, number>;
}

/**
 * Provenance over events (calls and denied attempts alike: an attempt also needs an identity).
 * Attributed means tied to a person or a named workload; IAM-user calls are neither attributed
 * nor unattributed (the user is known, the person behind a shared key is not).
 */
export function summarizeProvenance(rows: readonly ProvenanceRow[]): ProvenanceSummary {
  const summary: ProvenanceSummary = { events: 0, attributed: 0, unattributed: 0, byReason: {} };
  for (const row of rows) {
    summary.events += row.events;
    if (row.callerKind === 'person' || row.callerKind === 'workload') summary.attributed += row.events;
    if (row.callerKind === 'unattributed') {
      summary.unattributed += row.events;
      const reason = row.unattributedReason === '' ? 'unknown' : row.unattributedReason;
      summary.byReason[reason] = (summary.byReason[reason] ?? 0) + row.events;
    }
  }
  return summary;
}
