import { Injectable } from '@nestjs/common';
import type { CodeInstanceView, SessionUser } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { RESOURCE_REFUND_EFFECTS, type ResourceRefundEffect } from '../resources/resource-refund-effects';
import { moveCodes } from './code-usage';
import { ServerInventory, type ServerInstance } from './server-inventory.port';

const view = ({ instanceId, publicIp, ineligibleReason, refunded }: ServerInstance): CodeInstanceView => ({ instanceId, publicIp, ineligibleReason, refunded });

/** The caller's servers codes are made from; a server's 退费 kills its codes not yet used. */
@Injectable()
@RESOURCE_REFUND_EFFECTS()
export class CodeInstancesService implements ResourceRefundEffect {
  constructor(
    private readonly db: DatabaseService,
    private readonly inventory: ServerInventory,
    private readonly clock: Clock,
  ) {}

  async list(user: SessionUser): Promise<CodeInstanceView[]> {
    return (await this.db.transaction((tx) => this.inventory.ofOwner(tx, user.id))).map(view);
  }

  /** 退费: the instance's codes not yet used die with it (已失效 / 已退费); used ones stay used. */
  async refunded(tx: EntityManager, accountId: string, instanceId: string): Promise<void> {
    await moveCodes(tx, 'refund', { ownerUserId: accountId, instanceId }, { updatedAt: this.clock.now() });
  }
}
