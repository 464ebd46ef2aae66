/** Shared Tailwind classes for the campaign forms. */
export const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-600';
export const labelClass = 'block text-sm font-medium text-slate-800';
export const primaryButtonClass = 'rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60';
export const secondaryButtonClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60';
export const dangerButtonClass = 'rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60';
export const cardClass = 'rounded-lg border border-slate-200 bg-white p-5';
