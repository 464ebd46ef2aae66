'use client';

import { cardClass } from './form-styles';
import { useScopePreview } from './use-scope-preview';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums text-slate-900" data-testid={testId}>
        {value.toLocaleString('en')}
      </dd>
    </div>
  );
}

/** Live: how many items and reviewers launching this scope now would create (nothing is written). */
export function ScopePreviewPanel({ scope }: { scope: unknown }) {
  const state = useScopePreview(scope);
  return (
    <section className={cardClass} aria-labelledby="scope-preview-heading" aria-busy={state.kind === 'loading'} data-testid="scope-preview" data-state={state.kind}>
      <h2 id="scope-preview-heading" className="text-lg font-semibold">
        If launched now
      </h2>
      <div aria-live="polite" className="mt-2 text-sm text-slate-700">
        {state.kind === 'loading' ? <p>Counting the items in this scope…</p> : null}
        {state.kind === 'invalid' ? <p>Fix the scope fields marked above to see what it covers.</p> : null}
        {state.kind === 'error' ? <p className="font-medium text-red-800">{state.message}</p> : null}
        {state.kind === 'ready' && state.preview.scanId === null ? <p>No published snapshot yet: run a scan before launching a campaign.</p> : null}
        {state.kind === 'ready' && state.preview.scanId !== null ? (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Figure label="Items" value={state.preview.itemCount} testId="scope-preview-items" />
              <Figure label="Reviewers" value={state.preview.reviewerCount} testId="scope-preview-reviewers" />
              <Figure label="Principals" value={state.preview.principalCount} testId="scope-preview-principals" />
              <Figure label="Accounts" value={state.preview.accountCount} testId="scope-preview-accounts" />
            </dl>
            {state.preview.itemCount === 0 ? (
              <p className="mt-3 font-medium text-amber-900">Nothing in this scope: the launch would be refused. Widen the scope.</p>
            ) : (
              <p className="mt-3">
                From snapshot #{state.preview.scanId}. Most items go to{' '}
                {state.preview.topReviewers.map((reviewer, index) => (
                  <span key={reviewer.email}>
                    {index > 0 ? ', ' : ''}
                    <span className="break-all font-medium text-slate-900">{reviewer.email}</span> ({reviewer.itemCount})
                  </span>
                ))}
                .{state.preview.selfReviewAvoidedCount > 0 ? ` ${state.preview.selfReviewAvoidedCount} go to a fallback reviewer because the natural reviewer is the principal itself.` : ''}
              </p>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
