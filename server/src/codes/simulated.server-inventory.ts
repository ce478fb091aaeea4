import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ServerInstanceEntity } from './server-instance.entity';
import { ServerInventory, type ServerInstance } from './server-inventory.port';

const REFUNDED = '服务器已退费或已到期';

/** Embedded default: instances registered through the simulator, all eligible until refunded. */
@Injectable()
export class SimulatedServerInventory extends ServerInventory {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async ofOwner(tx: EntityManager, ownerUserId: string): Promise<ServerInstance[]> {
    const rows = await tx.find(ServerInstanceEntity, { where: { ownerUserId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => this.view(row));
  }

  async find(tx: EntityManager, instanceId: string): Promise<ServerInstance | null> {
    const row = await tx.findOneBy(ServerInstanceEntity, { instanceId });
    return row && this.view(row);
  }

  async register(ownerUserId: string, publicIp: string | undefined): Promise<ServerInstance> {
    const row: ServerInstanceEntity = {
      instanceId: `ins-${randomInt(0, 2 ** 40)
        .toString(36)
        .padStart(8, '0')}`,
      ownerUserId,
      publicIp: publicIp ?? `81.70.${randomInt(1, 255)}.${randomInt(1, 255)}`,
      refundedAt: null,
      createdAt: this.clock.now(),
    };
    await this.db.manager.insert(ServerInstanceEntity, row);
    return this.view(row);
  }

  /** 退费: runs in the caller's transaction so the instance's codes die with it. */
  async refund(tx: EntityManager, ownerUserId: string, instanceId: string): Promise<ServerInstance> {
    const row = await tx.findOneBy(ServerInstanceEntity, { instanceId, ownerUserId });
    if (!row) throw new AppException('CODE_INSTANCE_NOT_FOUND');
    row.refundedAt ??= this.clock.now();
    await tx.update(ServerInstanceEntity, { instanceId }, { refundedAt: row.refundedAt });
    return this.view(row);
  }

  private view(row: ServerInstanceEntity): ServerInstance {
    const refunded = row.refundedAt !== null;
    return { instanceId: row.instanceId, publicIp: row.publicIp, ownerUserId: row.ownerUserId, ineligibleReason: refunded ? REFUNDED : null, refunded };
  }
}
