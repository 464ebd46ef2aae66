'use client';

import { useMemo } from 'react';
import { campaignScopeSchema } from '@/lib/campaigns/scope';
import type { ScopePreview } from '@/lib/campaigns/scope-preview';
import { useDebouncedPreview } from './use-debounced-preview';

export type ScopePreviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; preview: ScopePreview & { scanId: number | null } }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

/**
 * Asks the server what the scope gives (`POST /api/campaigns/preview`), 350 ms after the last
 * change; an answer to an older scope is dropped. An invalid scope is not sent: it reads as
 * invalid once the wait is over, as a sent one would have answered.
 */
export function useScopePreview(scope: unknown): ScopePreviewState {
  const key = JSON.stringify(scope);
  const body = useMemo(() => {
    const parsed = campaignScopeSchema.safeParse(JSON.parse(key));
    return parsed.success ? JSON.stringify(parsed.data) : null;
  }, [key]);
  const state = useDebouncedPreview<ScopePreview & { scanId: number | null }>('/api/campaigns/preview', body);
  return state.kind === 'idle' ? { kind: 'invalid' } : state;
}
