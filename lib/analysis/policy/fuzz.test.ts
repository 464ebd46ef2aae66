/**
 * Bad-input fuzzing of the policy engine: thousands of damaged policy documents (seeded from the
 * recorded AWS managed policies and the demo organisation, then mutated in structure and in
 * text) go through the parser, the compiler and the evaluator. Properties:
 *
 * - the parser either returns a well-formed result or throws its documented error type
 *   (`PolicyParseError`, `TrustPolicyParseError` for trust documents) with a message that says
 *   where the problem is; never a TypeError, RangeError or anything else;
 * - the evaluator never throws: a broken document is recorded in `errors` with that message;
 * - every input is handled within a time bound (no catastrophic regex backtracking).
 *
 * fast-check runs with a fixed seed so that a run is reproducible; on failure it prints the seed,
 * the path and the shrunk counterexample. FUZZ_SEED overrides the seed to explore further.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import { globToRegExp, matchesActionPattern, matchesResourcePattern } from '../catalogue/wildcard';
import { createEvaluator } from '../evaluation/evaluate-principal';
import { parseTrustDocument, TrustPolicyParseError } from '../trust/parse-trust-document';
import type { ManagedPolicyFacts, PolicyDocumentSource, RoleFacts, SnapshotInput } from '../types';
import { PolicyCompiler } from './compile-policy';
import {
  applyStructureMutation,
  cloneJson,
  encode,
  type Json,
  loadAwsManagedDocuments,
  loadDemoOrganizationDocuments,
  loadDemoTrustDocuments,
  SAFE_NESTING_DEPTH,
  structureMutation,
  textEncoding,
} from './test-support/fuzz';
import { MAX_POLICY_NESTING_DEPTH, parsePolicy, type ParsedPolicy, PolicyParseError, type PolicyKind } from './parse-policy';
import { roleFacts } from '../test-support/principal-facts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
/**
 * Per-input budget. Correct inputs take well under 10 ms; the bound is loose because the machine
 * is shared, and tight enough to catch what it is for: the old glob translation took 73 s on one
 * `bedrock:*?*?*?*?*?*?*?*?Z` pattern.
 */
const PER_INPUT_MS = 1_500;

/** Where a parse error may say the problem is: the document, a statement path or the version. */
const CLEAR_POLICY_MESSAGE = /^(policy document |Statement\[\d+\]|Version must be)/;

let catalogue: ActionCatalogue;
let identitySeeds: Json[];
let trustSeeds: Json[];

beforeAll(async () => {
  catalogue = await loadActionCatalogue();
  identitySeeds = [...loadAwsManagedDocuments(), ...loadDemoOrganizationDocuments()].map((document) => (typeof document === 'string' ? (JSON.parse(decodeURIComponent(document)) as Json) : (document as Json)));
  trustSeeds = loadDemoTrustDocuments().map((document) => (typeof document === 'string' ? (JSON.parse(decodeURIComponent(document)) as Json) : (document as Json)));
});

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A parse result the rest of the engine can rely on, whatever the input looked like. */
function expectWellFormed(parsed: ParsedPolicy, kind: PolicyKind): void {
  for (const statement of parsed.statements) {
    expect(['Allow', 'Deny']).toContain(statement.effect);
    expect((statement.actions === null) !== (statement.notActions === null)).toBe(true);
    for (const pattern of statement.actions ?? statement.notActions ?? []) expect(typeof pattern === 'string' && pattern.length > 0).toBe(true);
    if (kind === 'identity') expect((statement.resources === null) !== (statement.notResources === null)).toBe(true);
    for (const condition of statement.conditions) for (const value of condition.values) expect(typeof value).toBe('string');
  }
}

/** A seed document, damaged by 0-4 structural mutations, then encoded (object, JSON, URL-encoded, truncated...). */
function damagedDocument(seeds: () => Json[]) {
  return fc
    .record({
      seedIndex: fc.nat(),
      mutations: fc.array(structureMutation({ maxNestingDepth: SAFE_NESTING_DEPTH, maxArrayLength: 3_000 }), { maxLength: 4 }),
      encoding: textEncoding,
    })
    .map(({ seedIndex, mutations, encoding }) => {
      const list = seeds();
      let value = cloneJson(list[seedIndex % list.length]);
      for (const mutation of mutations) value = applyStructureMutation(value, mutation);
      return encode(value, encoding);
    });
}

describe('parsePolicy on damaged documents', () => {
  it.each<[PolicyKind, number]>([
    ['identity', 2_500],
    ['trust', 800],
  ])('a damaged %s document is read or refused with a PolicyParseError that says where', (kind, numRuns) => {
    fc.assert(
      fc.property(damagedDocument(() => (kind === 'identity' ? identitySeeds : trustSeeds)), (source) => {
        const { value: outcome, ms } = timed(() => attempt(() => parsePolicy(source as PolicyDocumentSource, kind)));
        expect(ms).toBeLessThan(PER_INPUT_MS);
        if (outcome.ok) {
          expectWellFormed(outcome.value, kind);
        } else {
          expect(outcome.error).toBeInstanceOf(PolicyParseError);
          const message = (outcome.error as Error).message;
          expect(message).toMatch(CLEAR_POLICY_MESSAGE);
          // A message quotes at most a short value, never the document it came from.
          expect(message.length).toBeLessThan(400);
        }
        // Same input, same verdict: nothing in the parser depends on earlier calls.
        const again = attempt(() => parsePolicy(source as PolicyDocumentSource, kind));
        expect(again.ok).toBe(outcome.ok);
      }),
      { seed: SEED, numRuns },
    );
  });

  it('a damaged trust document is read by the trust analysis or refused with a TrustPolicyParseError', () => {
    fc.assert(
      fc.property(damagedDocument(() => trustSeeds), (source) => {
        const { value: outcome, ms } = timed(() => attempt(() => parseTrustDocument(source as PolicyDocumentSource)));
        expect(ms).toBeLessThan(PER_INPUT_MS);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(TrustPolicyParseError);
          expect((outcome.error as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('the undamaged seeds all parse: the mutations above start from valid documents', () => {
    // Without this the properties could pass on seeds that never parsed in the first place.
    for (const document of identitySeeds) expectWellFormed(parsePolicy(document as PolicyDocumentSource), 'identity');
    for (const document of trustSeeds) expectWellFormed(parsePolicy(document as PolicyDocumentSource, 'trust'), 'trust');
    expect(identitySeeds.length).toBeGreaterThan(50);
    expect(trustSeeds.length).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------
// Through the compiler and the evaluator
// ---------------------------------------------------------------------------

const ACCOUNT_ID = '111122223333';
const MANAGEMENT_ACCOUNT_ID = '999988887777';
const MODEL_ARN = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const FULL_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

type Slot = 'inline' | 'managed' | 'boundary' | 'scp';

/** One role whose inline policy, managed policy, boundary or SCP is the damaged document; the other slots are valid. */
function snapshotWith(slot: Slot, document: PolicyDocumentSource): { snapshot: SnapshotInput; role: RoleFacts; label: string } {
  const managed = (name: string, doc: PolicyDocumentSource): ManagedPolicyFacts => ({ arn: `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`, name, path: '/', isAwsManaged: false, defaultVersionId: 'v1', document: doc });
  const fuzzedManaged = managed('fuzzed-managed', document);
  const boundary = managed('fuzzed-boundary', slot === 'boundary' ? document : FULL_ACCESS);
  const role = roleFacts('fuzzed', {
    accountId: ACCOUNT_ID,
    inlinePolicies: [{ name: 'fuzzed-inline', document: slot === 'inline' ? document : { Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] } }],
    attachedManagedPolicyArns: slot === 'managed' ? [fuzzedManaged.arn] : [],
    permissionsBoundaryArn: slot === 'boundary' ? boundary.arn : null,
    trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  });
  const snapshot: SnapshotInput = {
    capturedAt: '2025-01-01T00:00:00Z',
    organization: {
      id: 'o-fuzz',
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
      accounts: [{ id: ACCOUNT_ID, name: 'fuzz', ouPath: [{ id: 'r-root', name: 'Root' }], environment: 'sandbox', ownerEmail: null, tags: {} }],
      policies: [
        { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: FULL_ACCESS, targetIds: ['r-root', ACCOUNT_ID] },
        ...(slot === 'scp' ? [{ id: 'p-fuzzed', name: 'fuzzed-scp', kind: 'scp' as const, document, targetIds: [ACCOUNT_ID] }] : []),
      ],
    },
    accounts: [{ accountId: ACCOUNT_ID, users: [], roles: [role], groups: [], managedPolicies: [fuzzedManaged, boundary] }],
  };
  const label = { inline: 'inline policy fuzzed-inline', managed: 'managed policy fuzzed-managed', boundary: 'managed policy fuzzed-boundary', scp: 'SCP fuzzed-scp' }[slot];
  return { snapshot, role, label };
}

describe('compiling and evaluating damaged documents', () => {
  it('the compiler throws only PolicyParseError, and the evaluator records it instead of throwing', () => {
    fc.assert(
      fc.property(
        damagedDocument(() => identitySeeds),
        fc.constantFrom<Slot>('inline', 'managed', 'boundary', 'scp'),
        fc.oneof(fc.constantFrom('bedrock:InvokeModel', 'bedrock:CreateModelCustomizationJob', 'iam:PassRole', 's3:GetObject', '*', ''), fc.string({ unit: 'binary', maxLength: 40 })),
        (source, slot, probeAction) => {
          const document = source as PolicyDocumentSource;
          const compiled = attempt(() => new PolicyCompiler(catalogue).compile('fuzzed', document));
          if (!compiled.ok) expect(compiled.error).toBeInstanceOf(PolicyParseError);

          const { snapshot, role, label } = snapshotWith(slot, document);
          const { value: access, ms } = timed(() => {
            const evaluator = createEvaluator(catalogue, snapshot);
            const result = evaluator.evaluatePrincipal(role);
            // Concrete requests, including action names that are not actions at all.
            evaluator.isAllowed(role, 'bedrock:InvokeModel', MODEL_ARN, { region: 'us-east-1' });
            evaluator.isAllowed(role, probeAction, MODEL_ARN);
            evaluator.isAllowed(role, probeAction, '*');
            return result;
          });
          expect(ms).toBeLessThan(PER_INPUT_MS);
          const mentions = access.errors.filter((error) => error.startsWith(`${label}:`));
          if (compiled.ok) {
            expect(mentions).toEqual([]);
          } else {
            // The recorded error is the parser's message, attributed to the policy it came from.
            expect(mentions).toEqual([`${label}: ${(compiled.error as Error).message}; evaluated without it`]);
          }
          for (const grant of access.grants) expect(grant.action.length).toBeGreaterThan(0);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------
// Documents nested thousands of levels deep
// ---------------------------------------------------------------------------

describe('documents nested thousands of levels deep', () => {
  // 20,000 levels: far past where JSON.stringify recurses out of the stack (about 5,000 here).
  const DEPTH = 20_000;
  const deepValue = (): unknown => {
    let value: unknown = 'bottom';
    for (let level = 0; level < DEPTH; level += 1) value = [value];
    return value;
  };
  const deepObject = (): Record<string, unknown> => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }], Junk: deepValue() });
  const deepText = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}],"Junk":${'['.repeat(DEPTH)}"bottom"${']'.repeat(DEPTH)}}`;

  it.each([
    ['an object', deepObject],
    ['JSON text', () => deepText],
    ['URL-encoded JSON text', () => encodeURIComponent(deepText)],
  ])('as %s: refused with a PolicyParseError, not a RangeError', (_label, make) => {
    const source = make() as PolicyDocumentSource;
    expect(() => parsePolicy(source)).toThrow(PolicyParseError);
    expect(() => parsePolicy(source)).toThrow(`policy document is nested deeper than ${MAX_POLICY_NESTING_DEPTH} levels`);
    expect(() => new PolicyCompiler(catalogue).compile('deep', source)).toThrow(PolicyParseError);
  });

  it('two different deep objects are not confused in the compiler cache, and the evaluator records both', () => {
    const { snapshot, role } = snapshotWith('inline', deepObject());
    role.inlinePolicies.push({ name: 'second-deep', document: deepObject() });
    const access = createEvaluator(catalogue, snapshot).evaluatePrincipal(role);
    expect(access.errors).toEqual([
      `inline policy fuzzed-inline: policy document is nested deeper than ${MAX_POLICY_NESTING_DEPTH} levels; evaluated without it`,
      `inline policy second-deep: policy document is nested deeper than ${MAX_POLICY_NESTING_DEPTH} levels; evaluated without it`,
    ]);
    expect(access.grants).toEqual([]);
  });

  it('nesting up to the limit is still read (the limit is far above any real document)', () => {
    let condition: unknown = 'x';
    // Document, Statement list, statement and Condition use 4 levels; fill the rest in an ignored key.
    for (let level = 0; level < MAX_POLICY_NESTING_DEPTH - 3; level += 1) condition = [condition];
    expect(() => parsePolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Extra: condition }] })).not.toThrow();
    expect(() => parsePolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Extra: [condition] }] })).toThrow(/nested deeper/);
  });
});

// ---------------------------------------------------------------------------
// Wildcards: linear time, same answers as a reference matcher
// ---------------------------------------------------------------------------

/** Reference glob matcher: dynamic programming over pattern x text, obviously correct and O(n*m). */
function referenceGlobMatch(pattern: string, text: string, isCaseInsensitive: boolean): boolean {
  const p = [...(isCaseInsensitive ? pattern.toLowerCase() : pattern)];
  const t = [...(isCaseInsensitive ? text.toLowerCase() : text)];
  let previous = new Array<boolean>(t.length + 1).fill(false);
  previous[0] = true;
  for (const token of p) {
    const current = new Array<boolean>(t.length + 1).fill(false);
    current[0] = token === '*' && previous[0];
    for (let j = 1; j <= t.length; j += 1) {
      current[j] = token === '*' ? previous[j] || current[j - 1] : (token === '?' || token === t[j - 1]) && previous[j - 1];
    }
    previous = current;
  }
  return previous[t.length];
}

describe('wildcard matching on hostile patterns', () => {
  it('agrees with a reference matcher on small patterns (stars, question marks, literals, regex metacharacters)', () => {
    const token = fc.constantFrom('*', '?', 'a', 'b', 'A', ':', '/', '.', '(', '\n', '$', '\\', '[');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), fc.array(fc.constantFrom('a', 'b', 'A', ':', '/', '.', '(', '\n', '$', '\\', '['), { maxLength: 14 }), fc.boolean(), (patternTokens, textTokens, isCaseInsensitive) => {
        const pattern = patternTokens.join('');
        const text = textTokens.join('');
        expect(globToRegExp(pattern, isCaseInsensitive).test(text)).toBe(referenceGlobMatch(pattern, text, isCaseInsensitive));
      }),
      { seed: SEED, numRuns: 4_000 },
    );
  });

  it('stays fast for star/question-mark runs against long action names and ARNs', () => {
    const run = fc.constantFrom('*?', '?*', '**', '*a', 'a*', '*?a', '*:*', '*/*');
    fc.assert(
      fc.property(fc.array(run, { minLength: 4, maxLength: 150 }), fc.constantFrom('Z', '', 'a', '?Z', '*'), fc.integer({ min: 60, max: 4_000 }), (runs, tail, length) => {
        const pattern = `bedrock:${runs.join('')}${tail}`;
        const action = `bedrock:${'a'.repeat(length)}`;
        const { ms } = timed(() => {
          matchesActionPattern(pattern, action);
          matchesResourcePattern(`arn:aws:bedrock:us-east-1:123456789012:${runs.join('')}${tail}`, `arn:aws:bedrock:us-east-1:123456789012:${'a'.repeat(length)}`);
        });
        expect(ms).toBeLessThan(PER_INPUT_MS);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('compiles a policy of hostile Action patterns against the whole catalogue quickly', () => {
    // Regression: with `*` translated to a plain `.*`, this one pattern took over a minute.
    const hostile = ['bedrock:*?*?*?*?*?*?*?*?*?*?*?*?Z', `bedrock:${'*a'.repeat(40)}*b`, `*${'?*'.repeat(60)}:Z`, 'b?d*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?k:*'];
    const { value: compiled, ms } = timed(() => new PolicyCompiler(catalogue).compile('hostile', { Statement: [{ Effect: 'Allow', Action: hostile, Resource: '*' }] }));
    expect(ms).toBeLessThan(PER_INPUT_MS);
    // The patterns name nothing but must still be evaluated correctly: `*:Z`-like tails match no catalogue action.
    expect(compiled.statements[0].matchesAction('bedrock:InvokeModel')).toBe(false);
    expect(compiled.statements[0].matchesAction(`bedrock:${'aaaa'.repeat(10)}Z`)).toBe(true);
  });
});
