import { maskPersonalValue, personalKindAt } from '../platform/crypto/personal-data';

/** Draft leaves by dotted path (`websites.0.domains.1`); empty objects and arrays count as leaves. */
export function leaves(node: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  const entries = Array.isArray(node)
    ? node.map((value, index) => [String(index), value] as const)
    : node && typeof node === 'object'
      ? Object.entries(node)
      : null;
  if (!entries?.length) {
    if (prefix) into.set(prefix, node);
    return into;
  }
  for (const [key, value] of entries) leaves(value, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

/** Paths whose leaf differs between the two trees (added, removed or changed), sorted. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const a = leaves(before, prefix);
  const b = leaves(after, prefix);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path))).sort();
}

/** True when `path` is one of `allowed` or lies below one of them. */
export function isWithin(path: string, allowed: readonly string[]): boolean {
  return allowed.some((root) => path === root || path.startsWith(`${root}.`));
}

/** The value at a dotted path, or undefined. */
export function valueAt(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

/** A leaf's value as staff may see it: personal data masked as the mark on its path says. */
export function maskedLeaf(path: string, value: unknown): unknown {
  const kind = personalKindAt(path);
  return typeof value === 'string' && value !== '' && kind ? maskPersonalValue(kind, value) : value;
}
