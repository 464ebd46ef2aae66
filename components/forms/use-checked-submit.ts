'use client';

import { useState } from 'react';
import { useJsonRequest } from './use-json-request';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** A form's request as the client checks it, the way the server will: the value to send, or each field's problem. */
export type CheckedRequest<Value, Field extends string> = { ok: true; value: Value } | { ok: false; errors: FieldErrors<Field> };

/**
 * The submit sequence of a form checked before it is sent: a request at fault shows its fields'
 * problems and sends nothing; a sound one clears them and is sent, and the server's refusal shows
 * as `serverError`. `submitChecked` answers the parsed body, or null when nothing was accepted.
 */
export function useCheckedSubmit<Field extends string>() {
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const request = useJsonRequest();

  async function submitChecked<Answer = unknown>(checked: CheckedRequest<unknown, Field>, url: string, method: 'POST' | 'PUT'): Promise<Answer | null> {
    if (!checked.ok) {
      request.clearError();
      setErrors(checked.errors);
      return null;
    }
    setErrors({});
    return request.send<Answer>(url, method, checked.value);
  }

  return { errors, serverError: request.error, isSaving: request.isSubmitting, submitChecked };
}
