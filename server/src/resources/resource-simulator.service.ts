import { Injectable } from '@nestjs/common';
import { resourceInstanceIdSchema, type RegisterResourceRequest, type ResourceChoice } from '@beian/shared';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ResourceEligibility } from './resource-eligibility.service';
import { ResourceInventory } from './resource-inventory.port';
import { ResourceRefundEffects } from './resource-refund-effects';
import { SimulatedResourceInventory } from './simulated.resource-inventory';

/** Instances registered and refunded in the simulated inventory (by staff for any account, by a tester for their own). */
@Injectable()
export class ResourceSimulator {
  constructor(
    private readonly eligibility: ResourceEligibility,
    private readonly inventory: ResourceInventory,
    private readonly refundEffects: ResourceRefundEffects,
    private readonly db: DatabaseService,
  ) {}

  async register(accountId: string, rawInstanceId: string, request: RegisterResourceRequest): Promise<ResourceChoice> {
    const instanceId = this.instanceIdOf(rawInstanceId);
    const inventory = this.simulated();
    await this.db.transaction((tx) => inventory.register(tx, accountId, instanceId, request));
    return this.one(accountId, instanceId);
  }

  /** 退费: recorded with its effects (the instance's unused codes die) in one transaction. */
  async refund(accountId: string, rawInstanceId: string): Promise<ResourceChoice> {
    const instanceId = this.instanceIdOf(rawInstanceId);
    const inventory = this.simulated();
    const refunded = await this.db.transaction(async (tx) => {
      if (!(await inventory.refund(tx, accountId, instanceId))) return false;
      await this.refundEffects.refunded(tx, accountId, instanceId);
      return true;
    });
    if (!refunded) throw new AppException('NOT_FOUND');
    return this.one(accountId, instanceId);
  }

  private simulated(): SimulatedResourceInventory {
    if (!(this.inventory instanceof SimulatedResourceInventory)) throw new AppException('SIMULATOR_ONLY');
    return this.inventory;
  }

  private instanceIdOf(raw: string): string {
    const parsed = resourceInstanceIdSchema.safeParse(raw);
    if (!parsed.success) throw new AppException('NOT_FOUND');
    return parsed.data;
  }

  private async one(accountId: string, instanceId: string): Promise<ResourceChoice> {
    const found = (await this.eligibility.choices(this.db.manager, accountId)).find((choice) => choice.instanceId === instanceId);
    if (!found) throw new AppException('NOT_FOUND');
    return found;
  }
}
