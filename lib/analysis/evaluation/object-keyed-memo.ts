/**
 * A cache of values computed from an object and a key: one per (object, key), kept as long as the
 * object lives (the objects are compiled statements and policies, shared by every principal that
 * uses them; a WeakMap lets a finished analysis take its cache with it).
 */
export class ObjectKeyedMemo<Owner extends object, Key, Value> {
  private readonly byOwner = new WeakMap<Owner, Map<Key, Value>>();

  /** The value of (`owner`, `key`), computed by `compute` the first time it is asked for. */
  get(owner: Owner, key: Key, compute: () => Value): Value {
    let byKey = this.byOwner.get(owner);
    if (byKey === undefined) {
      byKey = new Map();
      this.byOwner.set(owner, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = compute();
      byKey.set(key, value);
    }
    return value;
  }
}
