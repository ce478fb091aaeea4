import type { EntityManager } from 'typeorm';
import type { ApprovedOrder } from '../order-core/order-approval.port';

/** One kind group's change to the record on approval (变更, 注销, 取消接入, 迁移), inside the approval's transaction. */
export interface GroupRecordEffect {
  apply(tx: EntityManager, approved: ApprovedOrder): Promise<void>;
}

/** The services an order on the record acts on (`serviceIds`, a JSON array). */
export function orderServiceIds(order: ApprovedOrder['order']): string[] {
  return order.serviceIds ? (JSON.parse(order.serviceIds) as string[]) : [];
}
