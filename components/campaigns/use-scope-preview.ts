'use client';

import { useEffect, useState } from 'react';
import { campaignScopeSchema } from '@/lib/campaigns/scope';
import type { ScopePreview } from '@/lib/campaigns/scope-preview';

export type ScopePreviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; preview: ScopePreview & { scanId: number | null } }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

const DEBOUNCE_MS = 350;

/**
 * Asks the server what the scope gives (`POST /api/campaigns/preview`), 350 ms after the last
 * change; an answer to an older scope is dropped. An invalid scope is not sent.
 */
export function useScopePreview(scope: unknown): ScopePreviewState {
  // Each answer remembers the scope it is for: while a newer scope waits, the old numbers are not shown.
  const [answer, setAnswer] = useState<{ key: string; state: ScopePreviewState } | null>(null);
  const key = JSON.stringify(scope);
  useEffect(() => {
    const parsed = campaignScopeSchema.safeParse(JSON.parse(key));
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (!parsed.success) {
        setAnswer({ key, state: { kind: 'invalid' } });
        return;
      }
      setAnswer({ key, state: { kind: 'loading' } });
      try {
        const response = await fetch('/api/campaigns/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed.data), signal: controller.signal });
        const body: unknown = await response.json().catch(() => ({}));
        if (!response.ok) {
          const message = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
          setAnswer({ key, state: { kind: 'error', message } });
          return;
        }
        setAnswer({ key, state: { kind: 'ready', preview: body as ScopePreview & { scanId: number | null } } });
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
  return answer?.key === key ? answer.state : { kind: 'loading' };
}
