/**
 * Test support for the fuzz suites (policy parser, offline importer): seed documents from the
 * demo data and fast-check arbitraries that damage JSON values and their text. Tests only:
 * nothing outside `*.test.ts` imports this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const DEMO_DIRECTORY = path.join(__dirname, '..', '..', '..', '..', 'demo');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Default-version documents of the recorded AWS managed policies (demo/aws-managed-policies). */
export function loadAwsManagedDocuments(): Record<string, unknown>[] {
  const folder = path.join(DEMO_DIRECTORY, 'aws-managed-policies');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => (JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as { PolicyVersion: { Document: Record<string, unknown> } }).PolicyVersion.Document);
}

interface DemoAccountFile {
  UserDetailList?: Array<{ UserPolicyList?: Array<{ PolicyDocument: unknown }> }>;
  GroupDetailList?: Array<{ GroupPolicyList?: Array<{ PolicyDocument: unknown }> }>;
  RoleDetailList?: Array<{ RolePolicyList?: Array<{ PolicyDocument: unknown }>; AssumeRolePolicyDocument: unknown }>;
  Policies?: Array<{ PolicyVersionList: Array<{ Document: unknown; IsDefaultVersion: boolean }> }>;
}

/** The demo organisation's account files (authorization details), by file name. */
export function listDemoAccountFiles(): string[] {
  const folder = path.join(DEMO_DIRECTORY, 'org');
  return readdirSync(folder)
    .filter((name) => /^\d{12}\.json$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

/** Inline and customer managed policy documents of the demo organisation, de-duplicated. */
export function loadDemoOrganizationDocuments(): unknown[] {
  const seen = new Map<string, unknown>();
  const add = (document: unknown) => {
    const key = typeof document === 'string' ? document : JSON.stringify(document);
    if (!seen.has(key)) seen.set(key, document);
  };
  for (const file of listDemoAccountFiles()) {
    const details = JSON.parse(readFileSync(file, 'utf8')) as DemoAccountFile;
    for (const user of details.UserDetailList ?? []) for (const policy of user.UserPolicyList ?? []) add(policy.PolicyDocument);
    for (const group of details.GroupDetailList ?? []) for (const policy of group.GroupPolicyList ?? []) add(policy.PolicyDocument);
    for (const role of details.RoleDetailList ?? []) for (const policy of role.RolePolicyList ?? []) add(policy.PolicyDocument);
    for (const policy of details.Policies ?? []) for (const version of policy.PolicyVersionList) if (version.IsDefaultVersion) add(version.Document);
  }
  return [...seen.values()];
}

/** Role trust policies of the demo organisation, de-duplicated (seeds for the `trust` kind). */
export function loadDemoTrustDocuments(): unknown[] {
  const seen = new Map<string, unknown>();
  for (const file of listDemoAccountFiles()) {
    const details = JSON.parse(readFileSync(file, 'utf8')) as DemoAccountFile;
    for (const role of details.RoleDetailList ?? []) {
      const document = role.AssumeRolePolicyDocument;
      const key = typeof document === 'string' ? document : JSON.stringify(document);
      if (!seen.has(key)) seen.set(key, document);
    }
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------
// Structural mutations of a JSON value
// ---------------------------------------------------------------------------

/** One structural change; `pick` selects the node (modulo the node count), so every draw applies. */
export type StructureMutation =
  | { kind: 'drop-key'; pick: number }
  | { kind: 'rename-key'; pick: number; name: string }
  | { kind: 'retype'; pick: number; value: Json }
  | { kind: 'statement-as'; value: Json }
  | { kind: 'nest'; pick: number; depth: number; isObject: boolean }
  | { kind: 'huge-array'; pick: number; length: number; item: string; isDistinct: boolean }
  | { kind: 'unicode'; pick: number; text: string }
  | { kind: 'change-case'; pick: number };

/**
 * Nesting of a few thousand levels recurses past V8's stack in `JSON.stringify`, which the
 * harness itself uses to encode documents as text. The general properties stay below that; the
 * deep documents have their own tests (lib/analysis/policy/fuzz.test.ts, "nested thousands of
 * levels deep"; scanners/offline/fuzz.test.ts).
 */
export const SAFE_NESTING_DEPTH = 500;

export interface StructureOptions {
  maxNestingDepth: number;
  maxArrayLength: number;
}

/** The awkward values a field may hold instead of what the format says. */
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, '', ' ', '*', 'Allow', 'Deny', [], {}, [null], [''], ['*'], { '': '' }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A mutation arbitrary; nesting depth and array length are bounded by the caller's budget. */
export function structureMutation(options: StructureOptions): fc.Arbitrary<StructureMutation> {
  const pick = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    fc.record({ kind: fc.constant('drop-key' as const), pick }),
    fc.record({ kind: fc.constant('rename-key' as const), pick, name: fc.oneof(fc.constantFrom('statement', 'STATEMENT', 'Actions', 'Resources', 'effect', 'Statement ', 'Conditon', ''), fc.string({ unit: 'binary', maxLength: 12 })) }),
    fc.record({ kind: fc.constant('retype' as const), pick, value: wrongValue }),
    fc.record({ kind: fc.constant('statement-as' as const), value: fc.oneof(fc.constantFrom<Json>(null, 0, 42, -0.5, '', 'Statement', '[]', '{}', true, [], {}, [[]], [null], [1, 2]), wrongValue) }),
    fc.record({ kind: fc.constant('nest' as const), pick, depth: fc.integer({ min: 1, max: options.maxNestingDepth }), isObject: fc.boolean() }),
    fc.record({
      kind: fc.constant('huge-array' as const),
      pick,
      length: fc.integer({ min: 0, max: options.maxArrayLength }),
      item: fc.constantFrom('bedrock:InvokeModel', 'bedrock:*', '*', 's3:GetObject', 'arn:aws:bedrock:*::foundation-model/*', 'iam:PassRole', ''),
      isDistinct: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('unicode' as const), pick, text: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '💥', 'é', 'bedrock:Invoke\u0000Model', '%', '%%', '%E0%A4%A', '%00')) }),
    fc.record({ kind: fc.constant('change-case' as const), pick }),
  );
}

interface NodeRef {
  parent: Json[] | { [key: string]: Json } | null;
  key: string | number | null;
  value: Json;
}

function collectNodes(root: Json): NodeRef[] {
  const nodes: NodeRef[] = [{ parent: null, key: null, value: root }];
  const stack: Json[] = [root];
  // Bounded walk: a huge array from an earlier mutation must not make each later one slow.
  while (stack.length > 0 && nodes.length < 5_000) {
    const value = stack.pop() as Json;
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        nodes.push({ parent: value, key: index, value: child });
        if (typeof child === 'object' && child !== null) stack.push(child);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        nodes.push({ parent: value, key, value: child });
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return nodes;
}

function replaceNode(root: Json, node: NodeRef, value: Json): Json {
  if (node.parent === null) return value;
  (node.parent as Record<string | number, Json>)[node.key as string | number] = value;
  return root;
}

function nested(value: Json, depth: number, isObject: boolean): Json {
  let result = value;
  for (let level = 0; level < depth; level += 1) result = isObject ? { n: result } : [result];
  return result;
}

/** Applies a structural mutation to a (cloned) JSON value and returns the new root. */
export function applyStructureMutation(root: Json, mutation: StructureMutation): Json {
  const nodes = collectNodes(root);
  const node = 'pick' in mutation ? nodes[mutation.pick % nodes.length] : nodes[0];
  switch (mutation.kind) {
    case 'drop-key':
    case 'rename-key': {
      const objects = nodes.filter((candidate) => typeof candidate.value === 'object' && candidate.value !== null && !Array.isArray(candidate.value) && Object.keys(candidate.value).length > 0);
      if (objects.length === 0) return root;
      const target = objects[mutation.pick % objects.length].value as Record<string, Json>;
      const keys = Object.keys(target);
      const key = keys[Math.floor(mutation.pick / objects.length) % keys.length];
      const value = target[key];
      delete target[key];
      if (mutation.kind === 'rename-key') target[mutation.name] = value;
      return root;
    }
    case 'retype':
      return replaceNode(root, node, mutation.value);
    case 'statement-as':
      if (typeof root === 'object' && root !== null && !Array.isArray(root)) root.Statement = mutation.value;
      return root;
    case 'nest':
      return replaceNode(root, node, nested(node.value, mutation.depth, mutation.isObject));
    case 'huge-array': {
      const items = Array.from({ length: mutation.length }, (_, index) => (mutation.isDistinct ? `${mutation.item}${index}` : mutation.item));
      return replaceNode(root, node, items);
    }
    case 'unicode': {
      if (typeof node.value === 'string') {
        const at = mutation.pick % (node.value.length + 1);
        return replaceNode(root, node, node.value.slice(0, at) + mutation.text + node.value.slice(at));
      }
      return replaceNode(root, node, mutation.text);
    }
    case 'change-case': {
      if (typeof node.value === 'string') return replaceNode(root, node, mutation.pick % 2 === 0 ? node.value.toLowerCase() : node.value.toUpperCase());
      return root;
    }
  }
}

// ---------------------------------------------------------------------------
// Text mutations: how the value reaches the parser
// ---------------------------------------------------------------------------

export type TextEncoding =
  | { kind: 'object' }
  | { kind: 'json'; indent: number }
  | { kind: 'url' }
  | { kind: 'double-url' }
  | { kind: 'truncate'; fraction: number; isUrlEncoded: boolean }
  | { kind: 'insert'; fraction: number; text: string; isUrlEncoded: boolean }
  | { kind: 'flip'; fraction: number; character: string }
  | { kind: 'oversized'; padding: 'whitespace' | 'sid' }
  | { kind: 'raw'; text: string };

export const textEncoding: fc.Arbitrary<TextEncoding> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('object' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), indent: fc.constantFrom(0, 2, 4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('url' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double-url' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), isUrlEncoded: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('%', '%2', '%ZZ', '%C3%28', '%ED%A0%80', '\u0000', '{', '}', ']', '"', '\\', ',', '%7B')),
      isUrlEncoded: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), character: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oversized' as const), padding: fc.constantFrom('whitespace' as const, 'sid' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', ' ', 'null', '[]', '"x"', '42', '%7B', '%', '{', '%257B%257D', '%7B%7D')) }) },
);

function at(text: string, fraction: number): number {
  return Math.min(text.length, Math.floor(fraction * (text.length + 1)));
}

/** Turns a (mutated) value into what a parser receives: the object itself or some text. */
export function encode(value: Json, encoding: TextEncoding): Json | string {
  const json = () => JSON.stringify(value);
  switch (encoding.kind) {
    case 'object':
      return value;
    case 'json':
      return JSON.stringify(value, null, encoding.indent);
    case 'url':
      return encodeURIComponent(json());
    case 'double-url':
      return encodeURIComponent(encodeURIComponent(json()));
    case 'truncate': {
      const text = encoding.isUrlEncoded ? encodeURIComponent(json()) : json();
      return text.slice(0, at(text, encoding.fraction));
    }
    case 'insert': {
      const text = encoding.isUrlEncoded ? encodeURIComponent(json()) : json();
      const offset = at(text, encoding.fraction);
      return text.slice(0, offset) + encoding.text + text.slice(offset);
    }
    case 'flip': {
      const text = json();
      const offset = Math.min(at(text, encoding.fraction), Math.max(0, text.length - 1));
      return text.slice(0, offset) + encoding.character + text.slice(offset + 1);
    }
    case 'oversized': {
      if (encoding.padding === 'whitespace') return `${json()}${' '.repeat(1_100_000)}`;
      const base = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { Statement: value };
      return JSON.stringify({ ...base, Sid: 'x'.repeat(1_100_000) });
    }
    case 'raw':
      return encoding.text;
  }
}

/** A deep copy through JSON (seed documents are plain JSON). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type { Json };
