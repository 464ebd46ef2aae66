import type { DefinitionFieldErrors } from '@/lib/campaigns/definition-field-errors';
import { inputClass, labelClass } from './form-styles';
import { describedBy, FieldError } from './field-error';
import { TitledCard } from './titled-card';

/** One-off or recurring; the cron expression is read on submit. */
export function DefinitionScheduleFields({ isRecurring, onRecurringChange, errors }: { isRecurring: boolean; onRecurringChange: (isRecurring: boolean) => void; errors: DefinitionFieldErrors }) {
  return (
    <TitledCard headingId="definition-schedule" title="Schedule">
      <fieldset className="mt-3">
        <legend className="sr-only">Schedule</legend>
        <div className="space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="scheduleKind" value="once" checked={!isRecurring} onChange={() => onRecurringChange(false)} /> One-off: launch now
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scheduleKind" value="recurring" checked={isRecurring} onChange={() => onRecurringChange(true)} /> Recurring (cron expression)
          </label>
        </div>
      </fieldset>
      {isRecurring ? (
        <div className="mt-3 max-w-sm">
          <label htmlFor="campaign-schedule" className={labelClass}>
            Cron expression
          </label>
          <input id="campaign-schedule" name="schedule" defaultValue="0 6 1 1,4,7,10 *" className={`${inputClass} font-mono`} {...describedBy('campaign-schedule-error', errors.schedule, 'campaign-schedule-help')} />
          <FieldError id="campaign-schedule-error" message={errors.schedule} />
          <p id="campaign-schedule-help" className="mt-1 text-xs text-slate-700">
            Quarterly: <code>0 6 1 1,4,7,10 *</code> (06:00 on the first day of each quarter). The worker launches it.
          </p>
        </div>
      ) : null}
    </TitledCard>
  );
}
