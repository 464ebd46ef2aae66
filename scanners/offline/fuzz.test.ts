/**
 * Bad-input fuzzing of the offline importer and the scan pipeline behind it. Damaged
 * authorization-details and organisation files (structure and text mutations of real files,
 * lib/analysis/policy/test-support/fuzz.ts) must:
 *
 * - be recognised or refused with an OfflineFileError whose message starts with the file name
 *   (never another exception, never a silent drop);
 * - through a whole scan into a test database: leave nothing stored from a refused file, never
 *   fail the scan of the good files next to it, and never leave a half-written snapshot.
 *
 * Fixed seed for reproducibility; fast-check prints seed and path on failure (FUZZ_SEED overrides).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { getLatestPublishedScanId } from '../../db/queries/scans';
import { principals, policies, scanAccounts, scans } from '../../db/schema';
import { applyStructureMutation, cloneJson, encode, type Json, listDemoAccountFiles, structureMutation, type TextEncoding } from '../../lib/analysis/policy/test-support/fuzz';
import { FIXTURE_ACCOUNT_ID } from '../map/fixtures/load-fixtures';
import { runScan } from '../pipeline/run-scan';
import { OfflineFileError } from './errors';
import { parseOfflineFileText } from './parse-offline-file';
import { readOfflineDirectory } from './read-directory';

const SEED = Number(process.env.FUZZ_SEED ?? 0x0ff1_2026);
const PER_FILE_MS = 2_000;
const FIXTURES = path.resolve(__dirname, '../map/fixtures');
const GOOD_ACCOUNT = FIXTURE_ACCOUNT_ID;
/** The damaged file's account: only it may carry this id, so "nothing stored from it" is checkable. */
const DAMAGED_ACCOUNT = '555566667777';

const authorizationJson = JSON.parse(readFileSync(path.join(FIXTURES, 'authorization-details.json'), 'utf8')) as Json;
const organizationJson = JSON.parse(readFileSync(path.join(FIXTURES, 'organization.json'), 'utf8')) as Json;
const damagedSeed = JSON.parse(JSON.stringify(authorizationJson).replaceAll(GOOD_ACCOUNT, DAMAGED_ACCOUNT)) as Json;

/** How a damaged file reaches the importer: written as JSON text, truncated, with bytes inserted or flipped, or raw junk. */
const fileEncoding: fc.Arbitrary<TextEncoding> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('json' as const), indent: fc.constantFrom(0, 2, 4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), isUrlEncoded: fc.constant(false) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\u0000', '{', '}', ']', '"', '\\', ',', '\ufeff')),
      isUrlEncoded: fc.constant(false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), character: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', 'null', '[]', '{}', '"x"', '\ufeff{}')) }) },
);

function damagedFile(seed: () => Json, maxMutations: number): fc.Arbitrary<string> {
  return fc
    .record({ mutations: fc.array(structureMutation({ maxNestingDepth: 300, maxArrayLength: 2_000 }), { maxLength: maxMutations }), encoding: fileEncoding })
    .map(({ mutations, encoding }) => {
      let value = cloneJson(seed());
      for (const mutation of mutations) value = applyStructureMutation(value, mutation);
      return encode(value, encoding) as string;
    });
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'offline-fuzz-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The verdict contract for one file: recognised, or an OfflineFileError that names it first. */
function expectRecognisedOrNamed(file: string, text: string): 'accepted' | 'refused' {
  const started = performance.now();
  let verdict: 'accepted' | 'refused';
  try {
    const parsed = parseOfflineFileText(file, text);
    expect(parsed.file).toBe(file);
    verdict = 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(OfflineFileError);
    const offline = error as OfflineFileError;
    expect(offline.file).toBe(file);
    expect(offline.message.startsWith(`${file}: `)).toBe(true);
    expect(offline.toFileError().message.length).toBeGreaterThan(10);
    verdict = 'refused';
  }
  expect(performance.now() - started).toBeLessThan(PER_FILE_MS);
  return verdict;
}

describe('parsing damaged offline files', () => {
  it('a damaged authorization-details file is recognised or refused by name', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(damagedFile(() => damagedSeed, 4), (text) => {
        verdicts[expectRecognisedOrNamed('/import/555566667777.json', text)] += 1;
      }),
      { seed: SEED, numRuns: 1_200 },
    );
    // Both branches ran: the property is not vacuously about refusals (or acceptances) only.
    expect(verdicts.accepted).toBeGreaterThan(50);
    expect(verdicts.refused).toBeGreaterThan(50);
  });

  it('a damaged organisation file is recognised or refused by name', () => {
    fc.assert(
      fc.property(damagedFile(() => organizationJson, 4), (text) => {
        expectRecognisedOrNamed('/import/organization.json', text);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('damaged real demo account files (the largest seeds) are recognised or refused by name', () => {
    const files = listDemoAccountFiles().slice(0, 3);
    const seeds = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Json);
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(structureMutation({ maxNestingDepth: 300, maxArrayLength: 2_000 }), { minLength: 1, maxLength: 3 }), fileEncoding, (index, mutations, encoding) => {
        let value = cloneJson(seeds[index]);
        for (const mutation of mutations) value = applyStructureMutation(value, mutation);
        expectRecognisedOrNamed(files[index], encode(value, encoding) as string);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a file nested thousands of levels deep is refused by name (it would break JSON.stringify when persisting)', () => {
    const deep = `{"UserDetailList":[],"GroupDetailList":[],"RoleDetailList":[],"Policies":[],"Junk":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(() => parseOfflineFileText('/import/deep.json', deep)).toThrow(OfflineFileError);
    expect(() => parseOfflineFileText('/import/deep.json', deep)).toThrow(/^\/import\/deep\.json: nested deeper than 100 levels/);
  });
});

// ---------------------------------------------------------------------------
// Through the pipeline into a test database
// ---------------------------------------------------------------------------

function countRows(database: ReturnType<typeof createTestDatabase>, scanId: number, accountId: string) {
  return {
    principals: database.select({ n: count() }).from(principals).where(and(eq(principals.scanId, scanId), eq(principals.accountId, accountId))).get()?.n ?? 0,
    policies: database.select({ n: count() }).from(policies).where(and(eq(policies.scanId, scanId), eq(policies.accountId, accountId))).get()?.n ?? 0,
    accounts: database.select({ n: count() }).from(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.accountId, accountId))).get()?.n ?? 0,
  };
}

describe('scanning a directory with a damaged file beside a good one', () => {
  it('stores nothing from a refused file, still publishes the good account, and never half a snapshot', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(damagedFile(() => damagedSeed, 3), fc.option(damagedFile(() => organizationJson, 2), { nil: null }), async (accountText, organizationText) => {
        runs += 1;
        const scanDirectory = mkdtempSync(path.join(directory, 'scan-'));
        const goodFile = path.join(scanDirectory, `${GOOD_ACCOUNT}.json`);
        const damagedFileName = path.join(scanDirectory, 'damaged.json');
        const organizationFile = path.join(scanDirectory, 'organization.json');
        writeFileSync(goodFile, JSON.stringify(authorizationJson));
        writeFileSync(damagedFileName, accountText);
        writeFileSync(organizationFile, organizationText ?? JSON.stringify(organizationJson));

        const { errors } = await readOfflineDirectory(scanDirectory);
        for (const error of errors) expect(error.message.length, error.file).toBeGreaterThan(10);
        const isDamagedRefused = errors.some((error) => error.file === damagedFileName);

        const database = createTestDatabase();
        try {
          const outcome = await runScan(database, { kind: 'offline', directory: scanDirectory }, { trigger: 'cli', requestedBy: 'fuzz' });
          // The good account is always there: one bad file never fails the import of the others.
          expect(outcome.status, outcome.problems.join('\n')).not.toBe('failed');
          const scanId = getLatestPublishedScanId(database);
          expect(scanId).toBe(outcome.scanId);
          // Each refused file is reported by name among the scan's problems.
          for (const error of errors) expect(outcome.problems.some((problem) => problem.startsWith(`${error.file}: `))).toBe(true);
          expect(countRows(database, outcome.scanId, GOOD_ACCOUNT).principals).toBeGreaterThan(0);
          if (isDamagedRefused) expect(countRows(database, outcome.scanId, DAMAGED_ACCOUNT)).toEqual({ principals: 0, policies: 0, accounts: 0 });
          // Published means whole: the stored principals are exactly those the summary counts.
          const stored = database.select({ n: count() }).from(principals).where(eq(principals.scanId, outcome.scanId)).get()?.n;
          const scan = database.select().from(scans).where(eq(scans.id, outcome.scanId)).get();
          expect(scan?.isPublished).toBe(true);
          expect(stored).toBe((JSON.parse(scan?.summary ?? '{}') as { principalCount: number }).principalCount);
          expect(database.$client.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          database.$client.close();
          rmSync(scanDirectory, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(runs).toBe(100);
  });

  it('a file nested thousands of levels deep inside a trust policy is refused by name; the good account is still published', async () => {
    // Accepted, this file would reach persist, where JSON.stringify of the role's facts throws a
    // RangeError: the whole scan would fail with "Maximum call stack size exceeded", naming nothing.
    const scanDirectory = mkdtempSync(path.join(directory, 'deep-'));
    const deepFile = path.join(scanDirectory, 'deep.json');
    const deepJunk = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    writeFileSync(path.join(scanDirectory, `${GOOD_ACCOUNT}.json`), JSON.stringify(authorizationJson));
    writeFileSync(deepFile, JSON.stringify(damagedSeed).replace('"AssumeRolePolicyDocument":{', `"AssumeRolePolicyDocument":{"Junk":${deepJunk},`));
    const database = createTestDatabase();
    const outcome = await runScan(database, { kind: 'offline', directory: scanDirectory }, { trigger: 'cli', requestedBy: 'fuzz' });
    expect(outcome.status, outcome.problems.join('\n')).toBe('complete');
    expect(outcome.problems.join('\n')).toContain(`${deepFile}: nested deeper than 100 levels`);
    expect(countRows(database, outcome.scanId, DAMAGED_ACCOUNT)).toEqual({ principals: 0, policies: 0, accounts: 0 });
    expect(countRows(database, outcome.scanId, GOOD_ACCOUNT).principals).toBeGreaterThan(0);
    database.$client.close();
  });
});
