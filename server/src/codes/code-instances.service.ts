import { Injectable } from '@nestjs/common';
import type { CodeInstanceView, RegisterInstanceRequest, SessionUser } from '@beian/shared';
import { In } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { FilingCodeEntity } from './filing-code.entity';
import { ServerInventory, type ServerInstance } from './server-inventory.port';
import { SimulatedServerInventory } from './simulated.server-inventory';

const view = ({ instanceId, publicIp, ineligibleReason, refunded }: ServerInstance): CodeInstanceView => ({ instanceId, publicIp, ineligibleReason, refunded });

/** The caller's servers codes are made from; in the simulator, servers registered and refunded. */
@Injectable()
export class CodeInstancesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly inventory: ServerInventory,
    private readonly clock: Clock,
  ) {}

  async list(user: SessionUser): Promise<CodeInstanceView[]> {
    return (await this.db.transaction((tx) => this.inventory.ofOwner(tx, user.id))).map(view);
  }

  async register(user: SessionUser, request: RegisterInstanceRequest): Promise<CodeInstanceView> {
    return view(await this.simulated().register(user.id, request.publicIp));
  }

  /** 退费: the instance's codes not yet used die with it (已失效 / 已退费); used ones stay used. */
  async refund(user: SessionUser, instanceId: string): Promise<CodeInstanceView> {
    const inventory = this.simulated();
    return view(
      await this.db.transaction(async (tx) => {
        const instance = await inventory.refund(tx, user.id, instanceId);
        await tx.update(FilingCodeEntity, { instanceId, state: In(['available', 'unbound', 'reserved']) }, { state: 'refunded', updatedAt: this.clock.now() });
        return instance;
      }),
    );
  }

  private simulated(): SimulatedServerInventory {
    if (!(this.inventory instanceof SimulatedServerInventory)) throw new AppException('SIMULATOR_ONLY');
    return this.inventory;
  }
}
