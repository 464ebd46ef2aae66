'use client';

import type { OwnerMappingMatchPreview, OwnerMappingWarning } from '@/lib/campaigns/owner-mapping-warnings';
import { useDebouncedPreview, type DebouncedPreviewState } from './use-debounced-preview';

export type OwnerMappingPreviewState = DebouncedPreviewState<OwnerMappingMatchPreview & { scanId: number | null; warnings: OwnerMappingWarning[] }>;

/**
 * Asks the server which principals the rule as typed matches, and its warnings
 * (`POST /api/owner-mappings/preview`), 350 ms after the last change. `draft` null: nothing to ask.
 */
export function useOwnerMappingPreview(draft: object | null): OwnerMappingPreviewState {
  const body = draft === null ? null : JSON.stringify(draft);
  const state = useDebouncedPreview<OwnerMappingMatchPreview & { scanId: number | null; warnings: OwnerMappingWarning[] }>('/api/owner-mappings/preview', body);
  return body === null ? { kind: 'idle' } : state;
}
