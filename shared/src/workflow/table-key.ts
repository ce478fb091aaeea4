/** True when `key` is an own key of a data table (never a prototype member such as `toString`). */
export function isTableKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}
