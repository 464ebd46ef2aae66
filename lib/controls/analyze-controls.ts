import type { ActionCatalogue } from '../analysis/catalogue/load-catalogue';
import { createEvaluator } from '../analysis/evaluation/evaluate-principal';
import type { AccountFacts, Environment, SnapshotInput, Tier } from '../analysis/types';
import { createCoverageLookup } from './coverage';
import { summarizeScpControls } from './summarize-scp-controls';
import type { AccountControls, ControlSwitcher, RegionControls } from './types';
import { findControlSwitchers, type SwitcherPrincipal } from './who-can-disable';

export interface ControlsAnalysis {
  /** Every scanned account: its cells region by region and what its SCPs leave of Bedrock. */
  accounts: AccountControls[];
  /** Who can switch each control off, per account and region. */
  switchers: ControlSwitcher[];
  /** Production invoke holders and how many of them every invoke region covers (the overview's figure). */
  coverage: ProductionCoverage;
}

export interface ProductionCoverage {
  productionInvokeHolders: number;
  guardrailCovered: number;
  loggingCovered: number;
}

/** An analysed principal as the controls read it. */
export interface ControlsPrincipal extends SwitcherPrincipal {
  account: { environment: Environment };
  tiers: Tier[];
}

/** Production principals holding invoke, and how many have an enforced guardrail / logging in every invoke region. */
export function summarizeProductionCoverage(principals: ControlsPrincipal[], controls: RegionControls[]): ProductionCoverage {
  const coverageOf = createCoverageLookup(controls);
  const summary: ProductionCoverage = { productionInvokeHolders: 0, guardrailCovered: 0, loggingCovered: 0 };
  for (const principal of principals) {
    if (principal.account.environment !== 'prod' || !principal.tiers.includes('invoke')) continue;
    summary.productionInvokeHolders += 1;
    const coverage = coverageOf(principal.facts.accountId, principal.grants);
    if (coverage?.isGuardrailEnforced) summary.guardrailCovered += 1;
    if (coverage?.isLoggingOn) summary.loggingCovered += 1;
  }
  return summary;
}

/**
 * The controls posture of a snapshot: the scanned controls grouped by account, each account's SCP
 * summary (evaluated by the engine), and who can switch each control off. Pure; `principals` are
 * the analysed principals (their Bedrock grants). Empty when the snapshot holds no controls.
 */
export function analyzeControls(snapshot: SnapshotInput, catalogue: ActionCatalogue, principals: ControlsPrincipal[]): ControlsAnalysis {
  if (!snapshot.controls) return { accounts: [], switchers: [], coverage: { productionInvokeHolders: 0, guardrailCovered: 0, loggingCovered: 0 } };
  const evaluator = createEvaluator(catalogue, snapshot);
  const organization = snapshot.organization;
  const factsById = new Map((organization?.accounts ?? []).map((account) => [account.id, account]));
  const cellsByAccount = new Map<string, RegionControls[]>();
  for (const cell of snapshot.controls) {
    const list = cellsByAccount.get(cell.accountId) ?? [];
    list.push(cell);
    cellsByAccount.set(cell.accountId, list);
  }
  const accounts: AccountControls[] = [...cellsByAccount.keys()].sort().map((accountId) => {
    const facts: AccountFacts = factsById.get(accountId) ?? { id: accountId, name: accountId, ouPath: [], environment: 'unknown', ownerEmail: null, tags: {} };
    // Without organisation data the engine applies no SCPs; the summary says so by restricting nothing.
    const scp = summarizeScpControls(evaluator, facts, organization?.managementAccountId ?? null, snapshot.capturedAt, organization?.policies ?? []);
    return { accountId, regions: cellsByAccount.get(accountId) ?? [], scp };
  });
  const switchers = findControlSwitchers({
    principals,
    controls: snapshot.controls,
    managementAccountId: organization?.managementAccountId ?? null,
    organizationId: organization?.id ?? null,
    evaluator,
  });
  return { accounts, switchers, coverage: summarizeProductionCoverage(principals, snapshot.controls) };
}
