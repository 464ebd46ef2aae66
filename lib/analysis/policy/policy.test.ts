import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import { forEachBit, hasBit } from './bitset';
import { compilePolicy, PolicyCompiler } from './compile-policy';
import { MAX_POLICY_DOCUMENT_CHARACTERS, parsePolicy, PolicyParseError } from './parse-policy';

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

const SIMPLE = { Version: '2012-10-17', Statement: [{ Sid: 'Invoke', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] };

describe('parsePolicy', () => {
  it('reads an object, a JSON string and a URL-encoded string alike', () => {
    const fromObject = parsePolicy(SIMPLE);
    expect(parsePolicy(JSON.stringify(SIMPLE))).toEqual(fromObject);
    expect(parsePolicy(encodeURIComponent(JSON.stringify(SIMPLE)))).toEqual(fromObject);
    expect(fromObject.statements[0]).toMatchObject({ sid: 'Invoke', effect: 'Allow', actions: ['bedrock:InvokeModel'], resources: ['*'], notActions: null });
  });

  it('accepts a single statement object and string or list forms', () => {
    const parsed = parsePolicy({ Statement: { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::b', Condition: { Bool: { 'aws:SecureTransport': false } } } });
    expect(parsed.statements[0]).toMatchObject({ effect: 'Deny', notActions: ['iam:*'], notResources: ['arn:aws:s3:::b'], conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['false'] }] });
  });

  it.each([
    ['not JSON', '{"Statement": [', /not valid JSON/],
    ['no statement', { Version: '2012-10-17' }, /no Statement/],
    ['bad effect', { Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }, /Effect must be/],
    ['Action and NotAction', { Statement: [{ Effect: 'Allow', Action: '*', NotAction: 'iam:*', Resource: '*' }] }, /both Action and NotAction/],
    ['no resource', { Statement: [{ Effect: 'Allow', Action: '*' }] }, /needs Resource or NotResource/],
    ['empty action list', { Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] }, /must not be an empty list/],
    ['number as action', { Statement: [{ Effect: 'Allow', Action: [3], Resource: '*' }] }, /Action\[0\] must be a non-empty string/],
    ['principal in identity policy', { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, /Principal/],
    ['condition not an object', { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: 'x' }] }, /Condition must be an object/],
    ['bad URL encoding', '%E0%A4%A', /neither JSON nor valid URL-encoded/],
  ])('rejects %s with a PolicyParseError', (_label, source, message) => {
    expect(() => parsePolicy(source as string | Record<string, unknown>)).toThrow(PolicyParseError);
    expect(() => parsePolicy(source as string | Record<string, unknown>)).toThrow(message);
  });

  it('rejects documents over the size limit', () => {
    const huge = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Sid: 'x'.repeat(MAX_POLICY_DOCUMENT_CHARACTERS) }] });
    expect(() => parsePolicy(huge)).toThrow(/over the limit/);
  });

  it('reads trust policies, which need a Principal and no Resource', () => {
    const trust = parsePolicy({ Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, 'trust');
    expect(trust.statements[0].principal).toEqual({ Service: 'bedrock.amazonaws.com' });
    expect(() => parsePolicy({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }, 'trust')).toThrow(/Principal/);
  });
});

describe('compilePolicy', () => {
  it('compiles action patterns into bitsets over the catalogue', () => {
    const compiled = compilePolicy('k', parsePolicy({ Statement: [{ Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' }, { Effect: 'Deny', NotAction: 'bedrock:*', Resource: '*' }] }), catalogue);
    const invoked: string[] = [];
    forEachBit(compiled.statements[0].actionBits, (index) => invoked.push(catalogue.actions[index].name));
    expect(invoked).toContain('bedrock:InvokeModel');
    expect(invoked.every((name) => name.startsWith('bedrock:Invoke'))).toBe(true);
    const passRole = catalogue.lookup('iam:PassRole');
    expect(passRole && hasBit(compiled.denyBits, passRole.index)).toBe(true);
    expect(compiled.statements[1].matchesAction('s3:GetObject')).toBe(true);
  });

  it('keeps only resource patterns that can name a resource of the action', () => {
    const compiled = compilePolicy('k', parsePolicy({ Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:bedrock:*::foundation-model/*'] }] }), catalogue);
    const statement = compiled.statements[0];
    const invoke = catalogue.lookup('bedrock:InvokeModel');
    const list = catalogue.lookup('bedrock:ListFoundationModels');
    if (!invoke || !list) throw new Error('catalogue is missing Bedrock actions');
    expect(statement.resourcesFor(invoke)).toEqual(['arn:aws:bedrock:*::foundation-model/*']);
    // Wildcard-only actions need Resource "*".
    expect(statement.resourcesFor(list)).toEqual([]);
  });

  it('caches by key, including parse failures', () => {
    const compiler = new PolicyCompiler(catalogue);
    const first = compiler.compile('a', SIMPLE);
    expect(compiler.compile('a', SIMPLE)).toBe(first);
    expect(() => compiler.compile('bad', '{')).toThrow(PolicyParseError);
    expect(() => compiler.compile('bad', '{')).toThrow(PolicyParseError);
    expect(compiler.size).toBe(2);
  });
});
