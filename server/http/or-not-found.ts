import { notFound } from 'next/navigation';
import { NotFoundError } from '@/lib/http/errors';

/** Runs a page's load and turns the domain's NotFoundError into Next.js's 404; other errors go on. */
export function orNotFound<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** A positive integer id from a route segment, or 404. */
export function parseIdOrNotFound(segment: string): number {
  const id = Number(segment);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
