/** Form values keyed by dotted draft path (`websites.0.domains.0`), as in the API's field errors. */
export type DraftValues = Record<string, string>;

type Json = Record<string, unknown> | unknown[];

/** The value at a dotted path of a nested draft, when it is a string. */
export function readPath(draft: unknown, path: string): string | undefined {
  let node: unknown = draft;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The top-level sections the values touch, taken whole from `base` with the values written over it: the server
 * replaces a section at a time, so fields of a section that this page does not show are sent back unchanged.
 */
export function sectionsWithValues(base: Record<string, unknown>, values: DraftValues): Record<string, unknown> {
  const touched = new Set(Object.keys(values).map((path) => path.split('.')[0]!));
  const root = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(base).filter(([key]) => touched.has(key))))) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node: Json = root;
    keys.forEach((key, index) => {
      const next = keys[index + 1];
      const slot = node as Record<string, unknown>;
      if (next === undefined) {
        slot[key] = value;
        return;
      }
      if (typeof slot[key] !== 'object' || slot[key] === null) slot[key] = /^\d+$/.test(next) ? [] : {};
      node = slot[key] as Json;
    });
  }
  return root;
}
