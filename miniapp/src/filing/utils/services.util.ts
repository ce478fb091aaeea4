import type { DraftMaterial } from '@beian/shared';
import type { DraftTree } from '../../utils/draft-path.util';

export type ServiceList = 'websites' | 'apps';

/** One empty list, so store selectors answer the same value while nothing changed. */
const NONE: Record<string, unknown>[] = [];

function listOf(draft: DraftTree, list: ServiceList): Record<string, unknown>[] {
  const value = draft[list];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : NONE;
}

/**
 * Removes one service with everything that points at it: its materials go, later services' materials move up one
 * place, and "same person as" links to its principal are dropped (the copies stay).
 */
export function removeService(draft: DraftTree, list: ServiceList, index: number): DraftTree {
  const pattern = new RegExp(`^${list}\\.(\\d+)(.*)$`);
  const moved = (path: string | undefined): string | null | undefined => {
    const match = path ? pattern.exec(path) : null;
    if (!match) return path;
    const n = Number(match[1]);
    if (n === index) return null;
    return n > index ? `${list}.${n - 1}${match[2]}` : path;
  };
  const materials = (Array.isArray(draft.materials) ? (draft.materials as DraftMaterial[]) : []).flatMap((item) => {
    const target = moved(item.target);
    return target === null ? [] : [{ ...item, target }];
  });
  const unlink = (service: Record<string, unknown>) => {
    const principal = service.principal as Record<string, unknown> | undefined;
    const link = moved(principal?.sameAs as string | undefined);
    if (!principal || link === principal.sameAs) return service;
    const { sameAs: _dropped, ...rest } = principal;
    return { ...service, principal: link ? { ...rest, sameAs: link } : rest };
  };
  const next: DraftTree = {
    ...draft,
    [list]: listOf(draft, list)
      .filter((_, i) => i !== index)
      .map(unlink),
    materials,
  };
  const other: ServiceList = list === 'websites' ? 'apps' : 'websites';
  if (Array.isArray(draft[other])) next[other] = listOf(draft, other).map(unlink);
  return next;
}

export function serviceCount(draft: DraftTree): number {
  return listOf(draft, 'websites').length + listOf(draft, 'apps').length;
}

export function servicesOf(draft: DraftTree, list: ServiceList): Record<string, unknown>[] {
  return listOf(draft, list);
}
