import { CLOSE_BEHAVIOURS, type CloseBehaviour } from '@/lib/campaigns/close-behaviour';
import type { DefinitionFieldErrors } from '@/lib/campaigns/definition-field-errors';
import { inputClass, labelClass } from './form-styles';
import { describedBy, describedGroup, FieldError } from './field-error';
import { TitledCard } from './titled-card';

const CLOSE_LABELS: Record<CloseBehaviour, string> = { report: 'Reported as not certified', revoke: 'Revoked (revocation requests are created)' };

/** Name, due date and what happens at close (uncontrolled: the form reads them on submit). */
export function DefinitionBasicsFields({ errors }: { errors: DefinitionFieldErrors }) {
  return (
    <TitledCard headingId="definition-basics" title="Campaign">
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor="campaign-name" className={labelClass}>
            Name
          </label>
          <input id="campaign-name" name="name" required minLength={3} maxLength={120} className={inputClass} placeholder="Q3 Bedrock access review" {...describedBy('campaign-name-error', errors.name)} />
          <FieldError id="campaign-name-error" message={errors.name} />
        </div>
        <div>
          <label htmlFor="campaign-due" className={labelClass}>
            Due in (days)
          </label>
          <input id="campaign-due" name="dueInDays" type="number" min={1} max={365} defaultValue={14} required className={inputClass} {...describedBy('campaign-due-error', errors.dueInDays)} />
          <FieldError id="campaign-due-error" message={errors.dueInDays} />
        </div>
        <fieldset {...describedGroup('campaign-close-error', errors.closeBehaviour)}>
          <legend className={labelClass}>At close, undecided items are</legend>
          <div className="mt-1 space-y-1 text-sm">
            {CLOSE_BEHAVIOURS.map((behaviour) => (
              <label key={behaviour} className="flex items-center gap-2">
                <input type="radio" name="closeBehaviour" value={behaviour} defaultChecked={behaviour === 'report'} /> {CLOSE_LABELS[behaviour]}
              </label>
            ))}
          </div>
          <FieldError id="campaign-close-error" message={errors.closeBehaviour} />
        </fieldset>
      </div>
    </TitledCard>
  );
}
