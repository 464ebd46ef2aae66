import { NotFoundError } from '../http/errors';

/** Route params arrive as strings; anything but a positive integer id is "not found". */
export function parseIdParam(value: string | string[] | undefined): number {
  const id = Number(Array.isArray(value) ? value[0] : value);
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  return id;
}
