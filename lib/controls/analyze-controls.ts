import type { ActionCatalogue } from '../analysis/catalogue/load-catalogue';
import { createEvaluator } from '../analysis/evaluation/evaluate-principal';
import type { AccountFacts, SnapshotInput } from '../analysis/types';
import { summarizeScpControls } from './summarize-scp-controls';
import type { AccountControls, ControlSwitcher, RegionControls } from './types';
import { findControlSwitchers, type SwitcherPrincipal } from './who-can-disable';

export interface ControlsAnalysis {
  /** Every scanned account: its cells region by region and what its SCPs leave of Bedrock. */
  accounts: AccountControls[];
  /** Who can switch each control off, per account and region. */
  switchers: ControlSwitcher[];
}

/**
 * The controls posture of a snapshot: the scanned controls grouped by account, each account's SCP
 * summary (evaluated by the engine), and who can switch each control off. Pure; `principals` are
 * the analysed principals (their Bedrock grants). Empty when the snapshot holds no controls.
 */
export function analyzeControls(snapshot: SnapshotInput, catalogue: ActionCatalogue, principals: SwitcherPrincipal[]): ControlsAnalysis {
  if (!snapshot.controls) return { accounts: [], switchers: [] };
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
  return { accounts, switchers };
}
