import type { RevocationDetail } from '@/db/queries/revocations/list';
import { CallOutcomeTable } from './call-outcome-table';
import { iamCallRows, identityCenterCallRows } from './call-outcome-rows';
import { CommandBlock } from './command-block';
import { VerificationSummary } from './verification-summary';
import { TitledCard } from '@/components/campaigns/titled-card';

/** What ran: each call's outcome, the verification (live, or by the import that confirmed a script), any rollback, and the recorded before-state. */
export function RevocationResultsPanel({ detail }: { detail: RevocationDetail }) {
  const { result, beforeState } = detail;
  const icCalls = result.identityCenterCalls ?? [];
  const icRollbackCalls = result.identityCenterRollbackCalls ?? [];
  if (result.calls.length === 0 && result.rollbackCalls.length === 0 && !result.verification && icCalls.length === 0 && icRollbackCalls.length === 0) return null;
  return (
    // An offline revocation runs nothing here: its script runs elsewhere and an import confirms it.
    <TitledCard headingId="results-heading" title={detail.mode === 'offline' ? 'What the import showed' : 'What ran'}>
      {result.calls.length > 0 ? <CallOutcomeTable rows={iamCallRows(result.calls)} caption="Calls of the last execution" testId="execution-calls" /> : null}
      {icCalls.length > 0 ? <CallOutcomeTable rows={identityCenterCallRows(icCalls)} caption="Identity Center calls of the last execution" /> : null}
      {result.verification ? <VerificationSummary verification={result.verification} /> : null}
      {result.rollbackCalls.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">Rollback</h3>
          <CallOutcomeTable rows={iamCallRows(result.rollbackCalls)} caption="Rollback calls" />
        </>
      ) : null}
      {icRollbackCalls.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">Rollback at Identity Center</h3>
          <CallOutcomeTable rows={identityCenterCallRows(icRollbackCalls)} caption="Identity Center rollback calls" />
        </>
      ) : null}
      {beforeState && 'readAt' in beforeState ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-semibold">
            Recorded before-state ({beforeState.source}, {beforeState.readAt.slice(0, 19).replace('T', ' ')})
          </summary>
          <CommandBlock tone="light" commands={[JSON.stringify({ attached: beforeState.attachedManagedPolicyArns, inline: beforeState.inlinePolicies.map((policy) => policy.name), groups: beforeState.groupNames, boundary: beforeState.permissionsBoundaryArn }, null, 2)]} />
        </details>
      ) : null}
    </TitledCard>
  );
}
