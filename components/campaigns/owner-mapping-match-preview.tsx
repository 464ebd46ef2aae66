import type { OwnerMappingPreviewState } from './use-owner-mapping-preview';
import { WarningList } from './owner-mapping-warning-list';

/** "Matches 12 principals (ml-a, ml-b, …); routes 9 of them", then the rule's warnings. */
export function OwnerMappingMatchPreviewText({ state }: { state: OwnerMappingPreviewState }) {
  return (
    <div aria-live="polite" className="text-sm text-slate-800" data-testid="owner-mapping-preview" data-state={state.kind}>
      {state.kind === 'idle' ? <p className="text-slate-700">Type a condition or the owner email to see which principals this rule matches and what to watch for.</p> : null}
      {state.kind === 'loading' ? <p className="text-slate-700">Finding the principals this rule matches…</p> : null}
      {state.kind === 'error' ? <p className="font-medium text-red-800">{state.message}</p> : null}
      {state.kind === 'ready' ? (
        <>
          {state.preview.scanId === null ? (
            <p>No published snapshot yet: nothing to match.</p>
          ) : (
            <p data-testid="owner-mapping-match-count">
              Matches <span className="font-semibold">{state.preview.matchCount.toLocaleString('en')}</span> {state.preview.matchCount === 1 ? 'principal' : 'principals'} holding Bedrock access
              {state.preview.sampleNames.length > 0 ? (
                <>
                  {' '}
                  (<span className="break-all font-mono text-xs">{state.preview.sampleNames.join(', ')}</span>
                  {state.preview.matchCount > state.preview.sampleNames.length ? ', …' : ''})
                </>
              ) : null}
              ; it would route <span className="font-semibold">{state.preview.decidedCount.toLocaleString('en')}</span> of them
              {state.preview.matchCount > state.preview.decidedCount ? ' (the others carry an owner tag or an earlier rule takes them)' : ''}.
            </p>
          )}
          <WarningList warnings={state.preview.warnings} />
        </>
      ) : null}
    </div>
  );
}
