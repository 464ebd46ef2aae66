import type { VerificationOutcome, VerificationStep } from '@/lib/revocations/types';

const STEP_STATES = {
  confirmed: { mark: '✓', label: 'confirmed', tone: 'text-green-800' },
  'not-confirmed': { mark: '✗', label: 'not confirmed', tone: 'text-red-800' },
  'not-shown': { mark: '–', label: 'not shown by this re-read', tone: 'text-slate-600' },
} as const;

const stateOf = (step: VerificationStep) => STEP_STATES[step.isConfirmed === null ? 'not-shown' : step.isConfirmed ? 'confirmed' : 'not-confirmed'];

/**
 * The stored verification of a revocation, live or confirmed by an import alike: the verdict and
 * when, what was re-read, and each change of the plan confirmed or not.
 */
export function VerificationSummary({ verification }: { verification: VerificationOutcome }) {
  return (
    <div className="mt-3 text-sm" data-testid="verification">
      <p>
        Verification ({verification.checkedAt.slice(0, 19).replace('T', ' ')}): {verification.isVerified ? 'verified' : 'failed'} — {verification.reason}
      </p>
      {verification.reread ? <p className="mt-1 break-words text-slate-700">Re-read: {verification.reread}</p> : null}
      {verification.steps && verification.steps.length > 0 ? (
        <ul className="mt-1 space-y-1" aria-label="Steps of the plan, as the re-read shows them">
          {verification.steps.map((step) => {
            const state = stateOf(step);
            return (
              <li key={step.change} className="flex gap-2">
                <span aria-hidden="true" className={`font-semibold ${state.tone}`}>
                  {state.mark}
                </span>
                <span className="break-words">
                  {step.change}: <span className={`font-semibold ${state.tone}`}>{state.label}</span>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
