import { beforeAll, describe, expect, it } from 'vitest';
import { TIERS } from '../types';
import { compareByDefiningness, DEFINING_ACTIONS, summarizeTiers } from './defining-actions';
import { type ActionCatalogue, loadActionCatalogue } from './load-catalogue';

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

describe('defining actions', () => {
  it('every defining action exists in the catalogue and is classified in the tier it defines', () => {
    for (const tier of TIERS) {
      for (const action of DEFINING_ACTIONS[tier]) {
        expect(catalogue.lookup(action)?.tier, action).toBe(tier);
      }
    }
  });

  it('names the customise tier by its customisation jobs, not by the alphabetically first actions', () => {
    // The customize actions of AmazonBedrockFullAccess (bedrock:*), as the catalogue classifies them.
    const customize = catalogue.actions.filter((entry) => entry.tier === 'customize').map((entry) => ({ action: entry.name, tier: entry.tier }));
    const [summary] = summarizeTiers(customize, 3);
    expect(summary.tier).toBe('customize');
    expect(summary.actionCount).toBe(new Set(customize.map((entry) => entry.action)).size);
    expect(summary.definingActions).toEqual(['bedrock:CreateModelCustomizationJob', 'bedrock:CreateModelImportJob', 'bedrock:CreateModelCopyJob']);
    expect([...summary.actions].sort()).toEqual([...new Set(customize.map((entry) => entry.action))].sort());
  });

  it('groups in tier order with distinct counts', () => {
    const summary = summarizeTiers([
      { action: 'bedrock:ListFoundationModels', tier: 'read' },
      { action: 'bedrock:InvokeModel', tier: 'invoke' },
      { action: 'bedrock:InvokeModel', tier: 'invoke' },
      { action: 'bedrock:GetGuardrail', tier: 'read' },
    ]);
    expect(summary.map((entry) => [entry.tier, entry.actionCount])).toEqual([
      ['invoke', 1],
      ['read', 2],
    ]);
    expect(summary[1].definingActions).toEqual(['bedrock:ListFoundationModels', 'bedrock:GetGuardrail']);
  });

  it('puts unlisted changing verbs before looking verbs', () => {
    expect(['bedrock:GetAgent', 'bedrock:TagResource', 'bedrock:DeleteAgentAlias'].sort(compareByDefiningness)).toEqual(['bedrock:DeleteAgentAlias', 'bedrock:TagResource', 'bedrock:GetAgent']);
  });
});
