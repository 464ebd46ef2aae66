import { z } from 'zod';

/**
 * The zod shape of an object type: one schema per key of `T`, each producing that key's type.
 * Declaring a schema's shape `satisfies ShapeOf<T>` keeps it from drifting from the lib type it
 * reads: a key `T` gains and the schema lacks fails to compile (zod would otherwise drop it on
 * every read without a word), and so does a field whose schema produces another type.
 */
export type ShapeOf<T> = { [Key in keyof T]-?: z.ZodType<T[Key]> };

/**
 * `z.enum` over every member of a lib string union that has no value list of its own. A member
 * added to the union and not listed here fails to compile, instead of failing every read of the
 * rows that carry it.
 */
export function enumOfUnion<Union extends string>() {
  return <const Values extends readonly [Union, ...Union[]]>(values: [Union] extends [Values[number]] ? Values : never) => z.enum(values);
}
