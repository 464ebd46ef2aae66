import { describe, expect, it } from 'vitest';
import type { OwnerMappingRule } from './reviewer';
import { isCatchAllRule, ownerMappingWarnings, previewOwnerMappingMatches, type OwnerMappingDraft } from './owner-mapping-warnings';

const rules: OwnerMappingRule[] = [
  { id: 1, priority: 10, accountId: '111111111111', pathPrefix: null, namePattern: null, ownerEmail: 'maya@example.com' },
  { id: 2, priority: 20, accountId: null, pathPrefix: '/data-science/', namePattern: null, ownerEmail: 'liam@example.com' },
  { id: 3, priority: 30, accountId: null, pathPrefix: null, namePattern: 'ml-*', ownerEmail: 'sofia@example.com' },
];
const userEmails = ['maya@example.com', 'Liam@Example.com', 'sofia@example.com'];
const draft = (fields: Partial<OwnerMappingDraft>): OwnerMappingDraft => ({ priority: 40, accountId: null, pathPrefix: null, namePattern: 'ci-*', ownerEmail: 'maya@example.com', ...fields });

describe('isCatchAllRule', () => {
  const cases: { name: string; rule: Partial<OwnerMappingDraft>; expected: boolean }[] = [
    { name: 'no condition', rule: { namePattern: null }, expected: true },
    { name: 'blank strings', rule: { accountId: ' ', pathPrefix: '', namePattern: '' }, expected: true },
    { name: 'root path', rule: { pathPrefix: '/', namePattern: null }, expected: true },
    { name: 'star pattern', rule: { namePattern: '*' }, expected: true },
    { name: 'double star pattern under root', rule: { pathPrefix: '/', namePattern: '**' }, expected: true },
    { name: 'an account', rule: { accountId: '111111111111', namePattern: null }, expected: false },
    { name: 'a path', rule: { pathPrefix: '/ci/', namePattern: null }, expected: false },
    { name: 'a real pattern', rule: { namePattern: 'ml-*' }, expected: false },
    { name: 'a single-character pattern', rule: { namePattern: '?' }, expected: false },
  ];
  for (const testCase of cases) it(testCase.name, () => expect(isCatchAllRule(draft(testCase.rule))).toBe(testCase.expected));
});

describe('ownerMappingWarnings', () => {
  const cases: { name: string; rule: OwnerMappingDraft; kinds: string[]; text?: RegExp }[] = [
    { name: 'a clean rule', rule: draft({}), kinds: [] },
    { name: 'a known reviewer in another case', rule: draft({ ownerEmail: ' LIAM@example.com ' }), kinds: [] },
    { name: 'an unknown reviewer', rule: draft({ ownerEmail: 'nobody@example.com' }), kinds: ['unknown-reviewer'], text: /nobody@example.com is not an active user/ },
    { name: 'a catch-all before other rules', rule: draft({ priority: 5, namePattern: null }), kinds: ['catch-all'], text: /the 3 rules after it never apply/ },
    { name: 'a catch-all as the last rule', rule: draft({ priority: 100, namePattern: '*' }), kinds: ['catch-all'], text: /falls through to its account owner/ },
    { name: 'a duplicate priority', rule: draft({ priority: 20 }), kinds: ['duplicate-priority'], text: /also used by rule 2/ },
    { name: 'an existing rule keeps its own priority', rule: { ...rules[1] }, kinds: [] },
    { name: 'everything at once', rule: draft({ priority: 30, namePattern: null, ownerEmail: 'x@example.org' }), kinds: ['unknown-reviewer', 'catch-all', 'duplicate-priority'] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const warnings = ownerMappingWarnings(testCase.rule, { rules, userEmails });
      expect(warnings.map((warning) => warning.kind)).toEqual(testCase.kinds);
      if (testCase.text) expect(warnings.map((warning) => warning.message).join(' ')).toMatch(testCase.text);
    });
  }
});

describe('previewOwnerMappingMatches', () => {
  const subjects = [
    { accountId: '111111111111', path: '/', name: 'ml-pipeline', ownerTag: null },
    { accountId: '222222222222', path: '/', name: 'ml-trainer', ownerTag: null },
    { accountId: '222222222222', path: '/', name: 'ml-tagged', ownerTag: 'maya@example.com' },
    { accountId: '222222222222', path: '/data-science/', name: 'ml-notebook', ownerTag: null },
    { accountId: '222222222222', path: '/', name: 'ci-deployer', ownerTag: null },
  ];
  it('counts matches and the principals the rule would decide', () => {
    // ML-* (any case) matches four, but at priority 40 rule 3 (ml-*, priority 30) takes them all first: shadowed.
    expect(previewOwnerMappingMatches(draft({ namePattern: 'ML-*' }), rules, subjects)).toEqual({ matchCount: 4, decidedCount: 0, sampleNames: ['ml-pipeline', 'ml-trainer', 'ml-tagged', 'ml-notebook'] });
  });
  it('before rule 3 it decides the untagged one no earlier rule takes', () => {
    // ml-pipeline goes to rule 1 (account), ml-notebook to rule 2 (path), ml-tagged keeps its tag.
    expect(previewOwnerMappingMatches(draft({ priority: 25, namePattern: 'ml-*' }), rules, subjects)).toMatchObject({ matchCount: 4, decidedCount: 1 });
  });
  it('a rule moved first decides everything it matches without a tag', () => {
    expect(previewOwnerMappingMatches(draft({ priority: 1, namePattern: 'ml-*' }), rules, subjects)).toMatchObject({ matchCount: 4, decidedCount: 3 });
  });
  it('an edited rule is not compared with its stored self', () => {
    expect(previewOwnerMappingMatches({ ...rules[2], id: 3 }, rules, subjects)).toMatchObject({ matchCount: 4, decidedCount: 1 });
  });
  it('limits the sample', () => {
    expect(previewOwnerMappingMatches(draft({ namePattern: null }), rules, subjects, 2).sampleNames).toEqual(['ml-pipeline', 'ml-trainer']);
  });
  it('no match', () => expect(previewOwnerMappingMatches(draft({ namePattern: 'nothing-*' }), rules, subjects)).toEqual({ matchCount: 0, decidedCount: 0, sampleNames: [] }));
});
