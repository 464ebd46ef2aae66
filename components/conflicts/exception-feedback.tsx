'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';

const FeedbackContext = createContext<(message: string) => void>(() => undefined);

/**
 * Holds the last exception decision's message above the list. It lives outside the rows on
 * purpose: an accepted conflict leaves the list on refresh, and the message must outlive it.
 */
export function ExceptionFeedbackProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <FeedbackContext.Provider value={setMessage}>
      <div role="status" aria-live="polite" data-testid="exception-feedback">
        {message ? <p className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{message}</p> : null}
      </div>
      {children}
    </FeedbackContext.Provider>
  );
}

/** Announces what an exception decision did (in the provider's live region). */
export function useExceptionFeedback(): (message: string) => void {
  return useContext(FeedbackContext);
}
