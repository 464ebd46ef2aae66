import { beforeAll, describe, expect, it } from 'vitest';
import { BEDROCK_SERVICES, TIERS } from '../types';
import { type ActionCatalogue, buildActionCatalogue, loadActionCatalogue, SUPPORTING_ACTIONS } from './load-catalogue';
import { classifyAction } from './tiers';

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

describe('action catalogue', () => {
  it('holds every action of the Bedrock services and the supporting actions', () => {
    const services = new Set(catalogue.actions.filter((action) => action.isBedrock).map((action) => action.service));
    expect([...services].sort()).toEqual([...BEDROCK_SERVICES].sort());
    for (const name of SUPPORTING_ACTIONS) expect(catalogue.lookup(name)?.isBedrock).toBe(false);
    expect(catalogue.bedrockActionCount).toBe(catalogue.actions.filter((action) => action.isBedrock).length);
  });

  it('gives every action a tier from the tier list', () => {
    for (const action of catalogue.actions) expect(TIERS).toContain(action.tier);
  });

  it('reports unclassified actions (and keeps it small)', () => {
    const unclassified = catalogue.unclassifiedActions();
    for (const name of unclassified) expect(catalogue.lookup(name)?.tier).toBe('unclassified');
    expect(unclassified.length).toBeLessThanOrEqual(5);
  });

  it('looks actions up ignoring case', () => {
    expect(catalogue.lookup('BEDROCK:invokemodel')?.name).toBe('bedrock:InvokeModel');
    expect(catalogue.lookup('bedrock:NoSuchAction')).toBeUndefined();
  });

  it('marks wildcard-only actions and turns ARN templates into globs', () => {
    expect(catalogue.lookup('bedrock:ListFoundationModels')?.isWildcardOnly).toBe(true);
    const invoke = catalogue.lookup('bedrock:InvokeModel');
    expect(invoke?.isWildcardOnly).toBe(false);
    expect(invoke?.resourceGlobs).toContain('arn:*:bedrock:*::foundation-model/*');
  });

  it('leaves a new, unknown action unclassified, never read', () => {
    expect(classifyAction('bedrock', 'FrobnicateModel')).toBe('unclassified');
    expect(classifyAction('bedrock-websearch', 'GetSomething')).toBe('unclassified');
    const small = buildActionCatalogue([{ name: 'bedrock:FrobnicateModel', isWildcardOnly: true, resourceTypes: [] }], []);
    expect(small.unclassifiedActions()).toEqual(['bedrock:FrobnicateModel']);
  });
});
