import { Injectable } from '@nestjs/common';
import type { CodeInstanceView, SessionUser } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { ResourceLapse } from '../resources/resource-lapse.service';
import { RESOURCE_REFUND_EFFECTS, type ResourceRefundEffect } from '../resources/resource-refund-effects';
import { moveCodes } from './code-usage';
import { FilingCodeEntity } from './filing-code.entity';
import { ServerInventory, type ServerInstance } from './server-inventory.port';

const view = ({ instanceId, publicIp, ineligibleReason, refunded, expired }: ServerInstance): CodeInstanceView => ({
  instanceId,
  publicIp,
  ineligibleReason,
  refunded: refunded || expired,
});

/** The caller's servers codes are made from; a server's 退费 kills its codes not yet used. */
@Injectable()
@RESOURCE_REFUND_EFFECTS()
export class CodeInstancesService implements ResourceRefundEffect {
  constructor(
    private readonly db: DatabaseService,
    private readonly inventory: ServerInventory,
    private readonly lapse: ResourceLapse,
    private readonly clock: Clock,
  ) {}

  async list(user: SessionUser): Promise<CodeInstanceView[]> {
    return (await this.db.transaction((tx) => this.inventory.ofOwner(tx, user.id))).map(view);
  }

  /**
   * 退费: the instance's codes not yet used die with it (已失效 / 已退费); used ones stay used. The orders of any account
   * that reserved one of them and are at MIIT or the 管局 go back to their applicants at once.
   */
  async refunded(tx: EntityManager, accountId: string, instanceId: string): Promise<void> {
    const reserved = await tx.find(FilingCodeEntity, { select: { orderId: true }, where: { ownerUserId: accountId, instanceId, state: 'reserved' } });
    await moveCodes(tx, 'refund', { ownerUserId: accountId, instanceId }, { updatedAt: this.clock.now() });
    await this.lapse.returnAtRegulator(
      tx,
      reserved.flatMap((code) => (code.orderId ? [code.orderId] : [])),
    );
  }
}
