'use client';

import { useEffect, useState } from 'react';

/** `idle`: there was nothing to ask (the body was null). */
export type DebouncedPreviewState<Preview> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; preview: Preview } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 350;

/**
 * Posts `body` (JSON text) to a preview route 350 ms after its last change and answers with what
 * the server returns. Each answer remembers the body it is for: while a newer body waits, the old
 * preview is not shown, and an answer to an older body is dropped. A null body asks nothing.
 */
export function useDebouncedPreview<Preview>(url: string, body: string | null): DebouncedPreviewState<Preview> {
  const [answer, setAnswer] = useState<{ body: string | null; state: DebouncedPreviewState<Preview> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (body === null) {
        setAnswer({ body, state: { kind: 'idle' } });
        return;
      }
      setAnswer({ body, state: { kind: 'loading' } });
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal });
        const answered: unknown = await response.json().catch(() => ({}));
        if (!response.ok) {
          const message = typeof answered === 'object' && answered !== null && 'error' in answered && typeof answered.error === 'string' ? answered.error : `The server answered ${response.status}.`;
          setAnswer({ body, state: { kind: 'error', message } });
          return;
        }
        setAnswer({ body, state: { kind: 'ready', preview: answered as Preview } });
      } catch (error) {
        if (controller.signal.aborted) return;
        setAnswer({ body, state: { kind: 'error', message: error instanceof Error ? `The preview could not be loaded: ${error.message}` : 'The preview could not be loaded.' } });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, body]);
  return answer?.body === body ? answer.state : { kind: 'loading' };
}
