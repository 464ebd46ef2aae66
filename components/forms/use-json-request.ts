'use client';

import { useState } from 'react';
import { sendJson } from '@/components/campaigns/send-json';

/**
 * One JSON request from a form or button, and what the control shows while and after it runs:
 * `isSubmitting` to disable it, `error` (the server's message, or why it could not be reached)
 * to show beside it. `send` answers the parsed body, or null when the request failed.
 */
export function useJsonRequest() {
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send<Answer = unknown>(url: string, method: 'POST' | 'PUT' | 'DELETE', body?: unknown): Promise<Answer | null> {
    setIsSubmitting(true);
    setError(null);
    const result = await sendJson<Answer>(url, method, body);
    setIsSubmitting(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.data;
  }

  return { isSubmitting, error, clearError: () => setError(null), send };
}
