import type { EntityManager } from 'typeorm';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree, OrderDraftStore } from '../order-core/order-draft.store';

/** The columns of an order's summary (the order list, and the head of its detail). */
export const SUMMARY_COLUMNS = {
  id: true,
  ownerId: true,
  kind: true,
  subjectType: true,
  serviceType: true,
  status: true,
  version: true,
  submittedAt: true,
  updatedAt: true,
} as const;
export type OrderRow = Pick<FilingOrderEntity, keyof typeof SUMMARY_COLUMNS>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The order list's words for what an order files: 网站名称 domain, APP名称 (what the applicant typed so far). */
export function servicesText(draft: DraftTree): string {
  const list = (key: 'websites' | 'apps') => (Array.isArray(draft[key]) ? (draft[key] as Record<string, unknown>[]) : []);
  const websites = list('websites').map((site) => {
    const domains = Array.isArray(site?.domains) ? site.domains.map(text).filter(Boolean) : [];
    return [text(site?.name), domains[0] ?? ''].filter(Boolean).join(' ');
  });
  const apps = list('apps').map((app) => text(app?.name));
  return [...websites, ...apps].filter(Boolean).join('、');
}

/** The words of several orders at once (the order list), by order id. */
export async function servicesTexts(tx: EntityManager, drafts: OrderDraftStore, orderIds: string[]): Promise<Map<string, string>> {
  const websites = await drafts.loadSection(tx, orderIds, 'websites');
  const apps = await drafts.loadSection(tx, orderIds, 'apps');
  return new Map(orderIds.map((id) => [id, servicesText({ websites: websites.get(id), apps: apps.get(id) })]));
}
