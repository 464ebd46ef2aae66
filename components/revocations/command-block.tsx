import clsx from 'clsx';

/** Commands as a scrollable, focusable block (long ARNs wrap; the block never widens the page, and a long policy document scrolls inside it rather than making the page many screens tall). */
export function CommandBlock({ commands, tone = 'dark', testId }: { commands: readonly string[]; tone?: 'dark' | 'light'; testId?: string }) {
  return (
    <pre
      tabIndex={0}
      data-testid={testId}
      className={clsx(
        'mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded p-3 text-xs leading-5 focus-visible:outline-2 focus-visible:outline-brand-600',
        tone === 'dark' ? 'bg-slate-900 text-slate-50' : 'bg-slate-100 text-slate-900',
      )}
    >
      {commands.join('\n')}
    </pre>
  );
}
