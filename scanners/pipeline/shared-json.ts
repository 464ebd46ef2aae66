/**
 * The JSON of values principals share (the same array or object reached through many principals'
 * analyses), serialised once per value. The memo is one account's: kept for the whole scan, the
 * texts cost hundreds of megabytes at 20,000 principals (see persist-snapshot writeAccountRows).
 */
export type SharedJsonMemo = Map<object, string>;

export function sharedJson(value: object, memo: SharedJsonMemo): string {
  let text = memo.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    memo.set(value, text);
  }
  return text;
}
