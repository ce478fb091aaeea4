import { leaves, setAt, type DraftTree } from './draft-path.util';

/** One field that differs between this device's draft and the server's copy. */
export interface ConflictField {
  path: string;
  mine: unknown;
  server: unknown;
}

export interface SectionMerge {
  /** The server's draft with this device's own changes applied. */
  merged: DraftTree;
  /** Fields changed on both sides to different values: the user chooses. */
  fields: ConflictField[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Three-way merge of the changed sections: fields changed only here are kept, fields changed only on the server are
 * taken, and fields changed on both sides to different values are returned for the user to choose.
 */
export function mergeSections(mine: DraftTree, base: DraftTree, server: DraftTree, sections: readonly string[]): SectionMerge {
  let merged = server;
  const fields: ConflictField[] = [];
  for (const section of sections) {
    const ours = leaves(mine[section], section);
    const was = leaves(base[section], section);
    const theirs = leaves(server[section], section);
    for (const path of new Set([...ours.keys(), ...was.keys()])) {
      const value = ours.get(path);
      if (same(value, was.get(path)) || same(value, theirs.get(path))) continue;
      if (same(theirs.get(path), was.get(path))) {
        if (value !== undefined) merged = setAt(merged, path, value);
        continue;
      }
      fields.push({ path, mine: value, server: theirs.get(path) });
    }
  }
  return { merged, fields };
}
