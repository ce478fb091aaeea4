import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ORDER_KINDS } from '@beian/shared';
import { IsNull, In, type EntityManager } from 'typeorm';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FilingCodeEntity } from './filing-code.entity';
import { newCodeValue } from './filing-codes';
import { ServerInventory } from './server-inventory.port';

export type CodeOrder = Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind'>;

/** How many services of the draft stand on each instance of the account. */
export function instancePicks(draft: DraftTree): Map<string, number> {
  const picks = new Map<string, number>();
  for (const list of ['websites', 'apps'] as const) {
    const services = Array.isArray(draft[list]) ? (draft[list] as { resource?: { type?: string; instanceId?: string } }[]) : [];
    for (const service of services) {
      const instanceId = service?.resource?.type === 'instance' ? service.resource.instanceId?.trim() : undefined;
      if (instanceId) picks.set(instanceId, (picks.get(instanceId) ?? 0) + 1);
    }
  }
  return picks;
}

/**
 * Same account: "请在备案流程中直接选择云实例(系统将会自动生成服务码)" (seed 004 L9, L17). Each service standing on an
 * eligible instance of the account gets one 服务码 of the account on that instance (one per service, L5), tied to the
 * order while it is a draft (可使用), then following it (备案中, 已备案). A code is an own 服务码 when its owner holds it:
 * a grant never targets its own account. Saving or picking again reuses the order's codes, so none is made twice.
 */
@Injectable()
export class SameAccountCodes {
  constructor(
    private readonly inventory: ServerInventory,
    private readonly clock: Clock,
  ) {}

  /** The order's own 服务码, one per service on an eligible instance, made when missing. */
  async ensure(tx: EntityManager, order: CodeOrder, draft: DraftTree): Promise<FilingCodeEntity[]> {
    // The kinds 验证备案类型 decides file their services with us anew; a 变更 keeps the code the service was filed with.
    if (!ORDER_KINDS[order.kind].detected) return [];
    const chosen: FilingCodeEntity[] = [];
    for (const [instanceId, services] of instancePicks(draft)) {
      const server = await this.inventory.find(tx, order.ownerId, instanceId);
      if (!server || server.ineligibleReason) continue;
      const own = { kind: 'service' as const, ownerUserId: order.ownerId, holderUserId: order.ownerId, instanceId };
      const tied = await tx.find(FilingCodeEntity, { where: { ...own, orderId: order.id, state: In(['reserved', 'available']) }, order: { state: 'DESC' } });
      if (tied.length < services) {
        const free = await tx.find(FilingCodeEntity, { where: { ...own, orderId: IsNull(), state: 'available' }, take: services - tied.length });
        if (free.length) await tx.update(FilingCodeEntity, { id: In(free.map((code) => code.id)) }, { orderId: order.id, updatedAt: this.clock.now() });
        tied.push(...free.map((code) => ({ ...code, orderId: order.id })));
      }
      while (tied.length < services) tied.push(await this.make(tx, order, server.instanceId, server.publicIp));
      chosen.push(...tied.slice(0, services));
    }
    return chosen;
  }

  /** The order ended or was approved: own codes it held without using go back to the account (可使用, no order). */
  async untie(tx: EntityManager, orderId: string): Promise<void> {
    await tx.update(FilingCodeEntity, { orderId, state: 'available' }, { orderId: null, updatedAt: this.clock.now() });
  }

  private async make(tx: EntityManager, order: CodeOrder, instanceId: string, publicIp: string): Promise<FilingCodeEntity> {
    const now = this.clock.now();
    const code: FilingCodeEntity = {
      id: randomUUID(),
      kind: 'service',
      code: newCodeValue('service'),
      instanceId,
      publicIp,
      ownerUserId: order.ownerId,
      holderUserId: order.ownerId,
      state: 'available',
      orderId: order.id,
      remark: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(FilingCodeEntity, code);
    return code;
  }
}
