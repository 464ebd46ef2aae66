import type { ActionCatalogue } from '../analysis/catalogue/load-catalogue';
import { loadActionCatalogue } from '../analysis/catalogue/load-catalogue';
import { createEvaluator } from '../analysis/evaluation/evaluate-principal';
import type { EvaluateAccess } from './types';

let cataloguePromise: Promise<ActionCatalogue> | null = null;

/** The engine as revocations use it; the catalogue is loaded once per process. */
export async function createEngineEvaluate(): Promise<EvaluateAccess> {
  cataloguePromise ??= loadActionCatalogue();
  const catalogue = await cataloguePromise;
  return (snapshot, principal) => {
    const access = createEvaluator(catalogue, snapshot).evaluatePrincipal(principal);
    return { grants: access.grants, denied: access.denied, errors: access.errors };
  };
}
