import { describe, expect, it } from 'vitest';
import { groupGrantsIntoEntitlements } from '../../lib/analysis/entitlements';
import type { Grant, GrantPath } from '../../lib/analysis/types';
import { createEntitlementRowMemo, entitlementRowValues } from './entitlement-rows';

const memo = createEntitlementRowMemo(new Map());

function path(policyName: string, statementIndex: number): GrantPath {
  return { policyKind: 'inline', policyArn: null, policyName, isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: `S${statementIndex}`, statementIndex };
}

function grant(action: string, tier: Grant['tier'], grantPath: GrantPath, resources = ['*']): Grant {
  return { action, tier, resources, notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path: grantPath };
}

/** What the rows describe, from the reference grouping of the whole list. */
function referenceSummary(grants: Grant[]) {
  return groupGrantsIntoEntitlements('', grants).map((group) => ({ path: group.path, actionCount: group.actions.length, statements: group.statements.map((statement) => statement.statementIndex) }));
}

function summary(grants: Grant[]) {
  return entitlementRowValues(grants, memo).map((row) => ({ path: row.path, actionCount: row.actionCount, statements: row.grantRows.map((grantRow) => grantRow.statementIndex) }));
}

describe('entitlement rows built per placement', () => {
  const invokePath = path('invoke', 0);
  const listPath = path('invoke', 1);
  const tuningPath = path('tuning', 0);
  const invoke = [grant('bedrock:InvokeModel', 'invoke', invokePath, ['arn:aws:bedrock:*::foundation-model/anthropic.*']), grant('bedrock:ListFoundationModels', 'read', listPath)];
  const tuning = [grant('bedrock:CreateModelCustomizationJob', 'customize', tuningPath)];

  it('gives the rows of the whole list grouped at once, and shares them between principals holding the same placement', () => {
    const first = [...invoke, ...tuning];
    const second = [...tuning, ...invoke];
    expect(summary(first)).toEqual(referenceSummary(first));
    expect(summary(second)).toEqual(referenceSummary(second));
    const [invokeRows] = entitlementRowValues(first, memo);
    expect(entitlementRowValues(second, memo)[1]).toBe(invokeRows);
  });

  it('groups the whole list when one entitlement is split by another, as the reference does', () => {
    const split = [invoke[0], tuning[0], invoke[1]];
    const rows = summary(split);
    expect(rows).toEqual(referenceSummary(split));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actionCount: 2, statements: [0, 1] });
  });

  it('does not take a run for another that starts with the same grant', () => {
    const longer = [...invoke, grant('bedrock:GetFoundationModel', 'read', listPath)];
    expect(entitlementRowValues(invoke, memo)[0].actionCount).toBe(2);
    expect(entitlementRowValues(longer, memo)[0].actionCount).toBe(3);
  });
});
