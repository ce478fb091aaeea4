/** A draft as JSON: nested objects and arrays addressed by dotted paths (`websites.0.domains.0`), as in field errors. */
export type DraftTree = Record<string, unknown>;

type Node = Record<string, unknown> | unknown[];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

/** The value at a dotted path, or undefined. */
export function getAt(tree: unknown, path: string): unknown {
  let node: unknown = tree;
  for (const key of path.split('.')) {
    if (!isNode(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The string at a dotted path, or `''`. */
export function textAt(tree: unknown, path: string): string {
  const value = getAt(tree, path);
  return typeof value === 'string' ? value : '';
}

/** A copy of `tree` with `value` at `path`; missing containers are created (arrays for numeric keys). */
export function setAt<T extends DraftTree>(tree: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const write = (node: unknown, head: string, tail: string[]): unknown => {
    const container: Node = isNode(node) ? (Array.isArray(node) ? [...node] : { ...node }) : /^\d+$/.test(head) ? [] : {};
    const slot = container as Record<string, unknown>;
    const next = tail[0];
    slot[head] = next === undefined ? value : write(slot[head], next, tail.slice(1));
    return container;
  };
  return write(tree, key, rest) as T;
}

/** A copy of `tree` without the item `index` of the list at `path`. */
export function removeAt<T extends DraftTree>(tree: T, path: string, index: number): T {
  const list = getAt(tree, path);
  return Array.isArray(list)
    ? setAt(
        tree,
        path,
        list.filter((_, i) => i !== index),
      )
    : tree;
}

/** Every leaf (string, number, boolean, null) of a tree keyed by dotted path. */
export function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (isNode(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      for (const [leafPath, leaf] of leaves(value, path)) out.set(leafPath, leaf);
    }
  } else if (tree !== undefined && prefix) {
    out.set(prefix, tree);
  }
  return out;
}

/** Whether a field path lies at or under a prefix path (`websites.0` covers `websites.0.name`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/**
 * The element id of a draft path, the one convention every page and browser test uses:
 * `subject.certificateNumber` → `subject-certificate-number`, `websites.0.domains.0` → `websites-0-domains-0`.
 * A field's error is shown in `<id>-error`.
 */
export function pathId(path: string): string {
  return path.replace(/\./g, '-').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** A copy of `tree` where the list at `path` has `length` items: missing ones are `filler`, never holes. */
export function padList<T extends DraftTree>(tree: T, path: string, length: number, filler: unknown): T {
  const current = getAt(tree, path);
  const list = Array.isArray(current) ? current : [];
  return setAt(
    tree,
    path,
    Array.from({ length: Math.max(length, list.length) }, (_, i) => list[i] ?? filler),
  );
}
