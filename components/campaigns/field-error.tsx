/** A field's problem in plain words, under the field; the input points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

/** The aria attributes of an input with an optional error and help text. */
export function describedBy(errorId: string, message: string | undefined, helpId?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return { ...(message ? { 'aria-invalid': true as const } : {}), ...describedGroup(errorId, message, helpId) };
}

/** The same for a fieldset: a group takes a description but not aria-invalid (its inputs would). */
export function describedGroup(errorId: string, message: string | undefined, helpId?: string): { 'aria-describedby'?: string } {
  const ids = [message ? errorId : null, helpId ?? null].filter((id): id is string => id !== null);
  return ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {};
}
