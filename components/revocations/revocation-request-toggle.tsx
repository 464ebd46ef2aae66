'use client';

import clsx from 'clsx';
import { JustificationForm } from './justification-form';

/**
 * The red button that opens a revocation request, replaced by the justification form while it is
 * open; Cancel closes the form. The caller keeps `isOpen`, sends the request and decides what
 * follows a sent one (the request's page, a note).
 */
export function RevocationRequestToggle({
  isOpen,
  onOpenChange,
  buttonText,
  buttonLabel,
  isButtonNowrap = false,
  layout,
  confirmLabel,
  isSubmitting,
  onSubmit,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  buttonText: string;
  /** The button's accessible name, naming what would be revoked. */
  buttonLabel: string;
  /** Keeps the button's text on one line (in a table cell that would otherwise wrap it). */
  isButtonNowrap?: boolean;
  layout: 'wrapping' | 'inline';
  confirmLabel: string;
  isSubmitting: boolean;
  onSubmit: (justification: string) => void;
}) {
  if (isOpen) return <JustificationForm layout={layout} confirmLabel={confirmLabel} isSubmitting={isSubmitting} onSubmit={onSubmit} onCancel={() => onOpenChange(false)} />;
  return (
    <button type="button" onClick={() => onOpenChange(true)} className={clsx(isButtonNowrap && 'whitespace-nowrap', 'rounded border border-red-300 bg-white px-2 py-1 text-xs font-semibold text-red-800 hover:bg-red-50')} aria-label={buttonLabel}>
      {buttonText}
    </button>
  );
}
