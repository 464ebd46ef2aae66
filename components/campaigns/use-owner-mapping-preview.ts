'use client';

import { useEffect, useState } from 'react';
import type { OwnerMappingMatchPreview, OwnerMappingWarning } from '@/lib/campaigns/owner-mapping-warnings';

export type OwnerMappingPreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: OwnerMappingMatchPreview & { scanId: number | null; warnings: OwnerMappingWarning[] } }
  | { kind: 'error'; message: string };

const DEBOUNCE_MS = 350;

/**
 * Asks the server which principals the rule as typed matches, and its warnings
 * (`POST /api/owner-mappings/preview`), 350 ms after the last change. `draft` null: nothing to ask.
 */
export function useOwnerMappingPreview(draft: object | null): OwnerMappingPreviewState {
  // Each answer remembers the rule it is for: while a newer rule waits, the old preview is not shown.
  const [answer, setAnswer] = useState<{ key: string | null; state: OwnerMappingPreviewState } | null>(null);
  const key = draft === null ? null : JSON.stringify(draft);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (key === null) {
        setAnswer({ key, state: { kind: 'idle' } });
        return;
      }
      setAnswer({ key, state: { kind: 'loading' } });
      try {
        const response = await fetch('/api/owner-mappings/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: key, signal: controller.signal });
        const body: unknown = await response.json().catch(() => ({}));
        if (!response.ok) {
          const message = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
          setAnswer({ key, state: { kind: 'error', message } });
          return;
        }
        setAnswer({ key, state: { kind: 'ready', preview: body as OwnerMappingMatchPreview & { scanId: number | null; warnings: OwnerMappingWarning[] } } });
      } catch (error) {
        if (controller.signal.aborted) return;
        setAnswer({ key, state: { kind: 'error', message: error instanceof Error ? `The preview could not be loaded: ${error.message}` : 'The preview could not be loaded.' } });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  if (key === null) return { kind: 'idle' };
  return answer?.key === key ? answer.state : { kind: 'loading' };
}
