import type { Database, Statement } from 'better-sqlite3';

/**
 * The id of a row inserted earlier in the same batch, before it exists: a batch is built on one
 * thread and written on another (snapshot-writer.ts), so child rows carry a reference to their
 * parent's insert instead of its id.
 */
export interface RowRef {
  readonly ref: number;
}

export type SqlValue = string | number | bigint | null | RowRef;

/** Where the rows of a snapshot go: straight into SQLite, or into a batch written later. */
export interface RowSink {
  /** Inserts with the named statement and answers the row's id (or a reference to it). */
  insert(statement: string, values: SqlValue[]): number | RowRef;
  /** Runs the named statement (no id needed). */
  run(statement: string, values: SqlValue[]): void;
}

/** One transaction's worth of statements, in order. */
export interface RowBatch {
  operations: Array<{ statement: string; values: SqlValue[] }>;
}

const isRef = (value: SqlValue): value is RowRef => typeof value === 'object' && value !== null;

/** A sink that records: the batch is written later by `writeRowBatch`. */
export function recordingSink(batch: RowBatch): RowSink {
  return {
    insert(statement, values) {
      batch.operations.push({ statement, values });
      return { ref: batch.operations.length - 1 };
    },
    run(statement, values) {
      batch.operations.push({ statement, values });
    },
  };
}

/** Prepares each named statement once per connection. */
export function preparedStatements(client: Database, sqlByName: Readonly<Record<string, string>>): (name: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (name) => {
    let statement = prepared.get(name);
    if (!statement) {
      const sql = sqlByName[name];
      if (sql === undefined) throw new Error(`no statement named ${name}`);
      statement = client.prepare(sql);
      prepared.set(name, statement);
    }
    return statement;
  };
}

/** A sink that writes at once, on the caller's connection (and inside the caller's transaction). */
export function directSink(statementOf: (name: string) => Statement): RowSink {
  return {
    insert: (statement, values) => Number(statementOf(statement).run(...(values as Array<string | number | bigint | null>)).lastInsertRowid),
    run: (statement, values) => {
      statementOf(statement).run(...(values as Array<string | number | bigint | null>));
    },
  };
}

/**
 * Writes a recorded batch in one IMMEDIATE transaction, replacing each reference by the id its
 * insert produced (in the batch itself: write a batch once). All or nothing: an error rolls the
 * whole batch back and is thrown.
 */
export function writeRowBatch(client: Database, statementOf: (name: string) => Statement, batch: RowBatch): void {
  const write = client.transaction(() => {
    const ids: Array<number | undefined> = new Array(batch.operations.length);
    for (let index = 0; index < batch.operations.length; index += 1) {
      const operation = batch.operations[index];
      // References are replaced in place: a batch is written once, and copying every row's values cost a quarter of the writer's time.
      const values = operation.values;
      for (let position = 0; position < values.length; position += 1) {
        const value = values[position];
        if (!isRef(value)) continue;
        const id = ids[value.ref];
        if (id === undefined) throw new Error(`row ${index} of the batch refers to operation ${value.ref}, which inserted nothing`);
        values[position] = id;
      }
      ids[index] = Number(statementOf(operation.statement).run(...(values as Array<string | number | bigint | null>)).lastInsertRowid);
    }
  });
  write.immediate();
}
