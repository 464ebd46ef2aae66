/**
 * `npm run bench -- load [--seconds 60] [--warmup-seconds 15] [--users 50] [--think-ms 3000] [--skip-build] [--port 3211]`:
 * concurrent signed-in users against the production build over the `bench web` database (a copy:
 * the run writes decisions). Four in five users are owners working their inbox (pages, principals,
 * decisions through the decision API), one in five admins and auditors browsing. Each user waits
 * a random think time (0.5x to 1.5x `--think-ms`; 0 for a closed loop) between requests. Prints
 * throughput, latency, errors, and checks that every acknowledged decision is in the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { flagValue, percentile } from './measure';
import { BENCH_OUTPUT_DIRECTORY } from './organization-cache';
import { BENCH_CAMPAIGN_NAME, OWNER_EMAILS } from './web-database';
import { signIn, timedFetch, type Session } from './web-server';
import { startWebBench } from './web';

const REQUEST_TIMEOUT_MS = 30_000;

interface PendingItem {
  id: number;
  version: number;
}

interface RequestRecord {
  kind: string;
  milliseconds: number;
  status: number;
  /** performance.now() when sent: slow requests that cluster in time point to a stall, not load. */
  startedAt: number;
}

interface RunState {
  deadline: number;
  records: RequestRecord[];
  errors: Map<string, number>;
  acknowledgedDecisionIds: number[];
  thinkMs: number;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function pick<T>(values: readonly T[]): T {
  return values[Math.floor(Math.random() * values.length)];
}

function recordError(state: RunState, kind: string, reason: string): void {
  const key = `${kind}: ${reason}`;
  state.errors.set(key, (state.errors.get(key) ?? 0) + 1);
}

/** One request with a time limit; non-2xx and network failures are errors. */
async function request(state: RunState, origin: string, kind: string, pathAndQuery: string, session: Session, json?: unknown): Promise<string | null> {
  const started = performance.now();
  try {
    const response = await Promise.race([
      timedFetch(origin, pathAndQuery, session, json === undefined ? {} : { method: 'POST', json }),
      sleep(REQUEST_TIMEOUT_MS).then(() => {
        throw new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
      }),
    ]);
    state.records.push({ kind, milliseconds: response.milliseconds, status: response.status, startedAt: started });
    if (response.status < 200 || response.status >= 300) {
      recordError(state, kind, `HTTP ${response.status} ${response.body.slice(0, 120)}`);
      return null;
    }
    return response.body;
  } catch (error) {
    state.records.push({ kind, milliseconds: performance.now() - started, status: 0, startedAt: started });
    recordError(state, kind, (error as Error).message);
    return null;
  }
}

async function think(state: RunState): Promise<void> {
  if (state.thinkMs > 0) await sleep(state.thinkMs * (0.5 + Math.random()));
}

/** An owner: opens the inbox, decides its own items one by one, looks at its principals. */
async function runOwner(state: RunState, origin: string, session: Session, items: PendingItem[], index: number): Promise<void> {
  let next = 0;
  while (Date.now() < state.deadline) {
    const roll = Math.random();
    if (roll < 0.35 && next < items.length) {
      const item = items[next++];
      const decision = index % 5 === 0 && next % 4 === 0 ? { kind: 'revoke', justification: 'Not needed any more (load benchmark).' } : { kind: 'attest', justification: 'Still needed for the team (load benchmark).' };
      const body = await request(state, origin, 'decision (POST)', `/api/inbox/items/${item.id}/decision`, session, { version: item.version, decision });
      if (body) state.acknowledgedDecisionIds.push((JSON.parse(body) as { decisionId: number }).decisionId);
    } else if (roll < 0.65) {
      await request(state, origin, 'inbox', '/inbox', session);
    } else if (roll < 0.75) {
      await request(state, origin, 'inbox (page n)', `/inbox?page=${2 + Math.floor(Math.random() * 20)}`, session);
    } else {
      await request(state, origin, 'principals (owner)', `/principals?page=${1 + Math.floor(Math.random() * 10)}`, session);
    }
    await think(state);
  }
}

/** An admin or auditor: the overview, principals pages with filters, details. */
async function runReader(state: RunState, origin: string, session: Session, principalIds: number[], campaignId: number): Promise<void> {
  const filters = ['', '?tier=invoke&sort=name&minScore=50', '?sort=lastUsed', '?exposure=outside-org', '?hasConflict=yes', '?q=ml', '?sort=account&direction=desc'];
  while (Date.now() < state.deadline) {
    const roll = Math.random();
    if (roll < 0.2) await request(state, origin, 'overview', '/overview', session);
    else if (roll < 0.5) await request(state, origin, 'principals', `/principals${pick(filters)}`, session);
    else if (roll < 0.6) await request(state, origin, 'principals (deep page)', `/principals?page=${1 + Math.floor(Math.random() * 3000)}`, session);
    else if (roll < 0.9) await request(state, origin, 'principal detail', `/principals/${pick(principalIds)}`, session);
    else await request(state, origin, 'campaign page', `/campaigns/${campaignId}`, session);
    await think(state);
  }
}

/** Pending items of each owner in the benchmark campaign, dealt out so no two users share one. */
function dealItems(databasePath: string, campaignId: number, ownerUsers: Array<{ email: string }>): PendingItem[][] {
  const database = new Database(databasePath, { readonly: true });
  try {
    const byOwner = new Map<string, PendingItem[]>();
    for (const email of new Set(ownerUsers.map((user) => user.email))) {
      byOwner.set(email, database.prepare(`SELECT id, version FROM campaign_items WHERE campaign_id = ? AND reviewer_email = ? AND status = 'pending' ORDER BY id`).all(campaignId, email) as PendingItem[]);
    }
    const usersOf = new Map<string, number[]>();
    ownerUsers.forEach((user, index) => usersOf.set(user.email, [...(usersOf.get(user.email) ?? []), index]));
    const dealt: PendingItem[][] = ownerUsers.map(() => []);
    for (const [email, items] of byOwner) {
      const indexes = usersOf.get(email) ?? [];
      items.forEach((item, position) => dealt[indexes[position % indexes.length]].push(item));
    }
    return dealt;
  } finally {
    database.close();
  }
}

function readDecisionIdsAfter(databasePath: string, afterId: number): Set<number> {
  const database = new Database(databasePath, { readonly: true });
  try {
    return new Set(database.prepare('SELECT id FROM decisions WHERE id > ?').pluck().all(afterId) as number[]);
  } finally {
    database.close();
  }
}

function maxDecisionId(databasePath: string): number {
  const database = new Database(databasePath, { readonly: true });
  try {
    return (database.prepare('SELECT COALESCE(MAX(id), 0) FROM decisions').pluck().get() as number) ?? 0;
  } finally {
    database.close();
  }
}

export async function benchLoad(argv: string[]): Promise<void> {
  const seconds = flagValue(argv, 'seconds', 60);
  const userCount = flagValue(argv, 'users', 50);
  // People read a page before the next click: 1.5-4.5 s between requests is still quicker than
  // reading an access item and writing a justification. `--think-ms 1000` (one click a second
  // per user) is the stress variant: it finds the ceiling of the machine instead.
  const thinkMs = flagValue(argv, 'think-ms', 3000);
  const warmupSeconds = flagValue(argv, 'warmup-seconds', 15);
  const context = await startWebBench(argv, 3211, { useCopy: path.join(BENCH_OUTPUT_DIRECTORY, 'load.db') });
  const { server, facts } = context;
  try {
    const ownerSessions = new Map<string, Session>();
    for (const email of OWNER_EMAILS) ownerSessions.set(email, await signIn(server.origin, email));
    const ownerUserCount = Math.round((userCount * 4) / 5);
    const ownerUsers = Array.from({ length: ownerUserCount }, (_, index) => ({ email: OWNER_EMAILS[index % OWNER_EMAILS.length] }));
    const dealt = dealItems(facts.databasePath, facts.campaignId, ownerUsers);
    const database = new Database(facts.databasePath, { readonly: true });
    const principalIds = database.prepare('SELECT id FROM principals WHERE scan_id = ? AND has_bedrock = 1 ORDER BY id').pluck().all(facts.scanId) as number[];
    database.close();
    const decisionIdBefore = maxDecisionId(facts.databasePath);

    console.log(
      `\n${userCount} users (${ownerUserCount} owners over ${OWNER_EMAILS.length} owner sign-ins, ${userCount - ownerUserCount} admins and auditors) for ${seconds} s, ` +
        `think time ${thinkMs > 0 ? `${thinkMs * 0.5}-${thinkMs * 1.5} ms` : 'none (closed loop)'}; campaign "${BENCH_CAMPAIGN_NAME}"`,
    );
    const state: RunState = { deadline: Date.now() + (warmupSeconds + seconds) * 1000, records: [], errors: new Map(), acknowledgedDecisionIds: [], thinkMs };
    const started = performance.now();
    // The first request of each page in each web worker loads that page's code (1-2 s): a
    // server that has been up for a minute has done so. The warm-up runs the same users; its
    // latencies are left out, its errors and decisions are not.
    const measuredFrom = started + warmupSeconds * 1000;
    if (warmupSeconds > 0) console.log(`warm-up: ${warmupSeconds} s of the same load, not measured`);
    const users: Promise<void>[] = [];
    for (let index = 0; index < userCount; index += 1) {
      // Users arrive over the first second rather than all in the same millisecond.
      const arrival = sleep((index * 1000) / userCount);
      if (index < ownerUserCount) users.push(arrival.then(() => runOwner(state, server.origin, ownerSessions.get(ownerUsers[index].email)!, dealt[index], index)));
      else users.push(arrival.then(() => runReader(state, server.origin, index % 2 === 0 ? context.admin : context.auditor, principalIds, facts.campaignId)));
    }
    await Promise.all(users);
    const elapsed = (performance.now() - measuredFrom) / 1000;
    const measured = state.records.filter((record) => record.startedAt >= measuredFrom);
    const warmup = state.records.filter((record) => record.startedAt < measuredFrom);

    const all = measured.map((record) => record.milliseconds).sort((left, right) => left - right);
    const errorCount = [...state.errors.values()].reduce((sum, count) => sum + count, 0);
    console.log(`\nthroughput`);
    if (warmup.length > 0) {
      const warmupSorted = warmup.map((record) => record.milliseconds).sort((left, right) => left - right);
      console.log(`  warm-up:      ${warmup.length} requests, p95 ${percentile(warmupSorted, 0.95).toFixed(0)} ms, max ${warmupSorted.at(-1)?.toFixed(0)} ms (not counted below)`);
    }
    console.log(`  requests:     ${measured.length} in ${elapsed.toFixed(1)} s = ${(measured.length / elapsed).toFixed(1)} req/s`);
    console.log(`  latency:      p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${percentile(all, 0.95).toFixed(0)} ms, p99 ${percentile(all, 0.99).toFixed(0)} ms, max ${all.at(-1)?.toFixed(0)} ms`);
    console.log(`  errors:       ${errorCount} (warm-up included)${errorCount > 0 ? ` (${[...state.errors].slice(0, 8).map(([key, count]) => `${count} x ${key}`).join('; ')})` : ''}`);
    console.log('\nby request');
    const kinds = [...new Set(measured.map((record) => record.kind))].sort();
    for (const kind of kinds) {
      const samples = measured.filter((record) => record.kind === kind).map((record) => record.milliseconds).sort((left, right) => left - right);
      console.log(`  ${kind.padEnd(24)} ${String(samples.length).padStart(6)} requests   p50 ${percentile(samples, 0.5).toFixed(0).padStart(5)} ms   p95 ${percentile(samples, 0.95).toFixed(0).padStart(5)} ms`);
    }

    if (process.env.LOAD_RECORDS_FILE) fs.writeFileSync(process.env.LOAD_RECORDS_FILE, JSON.stringify(state.records));
    const stored = readDecisionIdsAfter(facts.databasePath, decisionIdBefore);
    const acknowledged = new Set(state.acknowledgedDecisionIds);
    const missing = [...acknowledged].filter((id) => !stored.has(id));
    const unacknowledged = [...stored].filter((id) => !acknowledged.has(id));
    const isIntact = missing.length === 0 && stored.size === acknowledged.size;
    console.log('\ndecisions');
    console.log(`  acknowledged (2xx): ${acknowledged.size}; rows created in decisions during the run: ${stored.size}`);
    console.log(`  lost: ${missing.length}; stored without a 2xx: ${unacknowledged.length} -> ${isIntact ? 'no decision lost' : 'MISMATCH'}`);
    const p95 = percentile(all, 0.95);
    console.log(`\ntargets: zero errors ${errorCount === 0 ? 'met' : 'MISSED'}, p95 <= 300 ms ${p95 <= 300 ? 'met' : 'MISSED'}, decisions ${isIntact ? 'intact' : 'MISMATCH'}`);
  } finally {
    await server.stop();
  }
}
