import { Injectable } from '@nestjs/common';
import type { CloudResource, RegisterResourceRequest, ResourceType, BillingMode } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { ResourceInventory, type ResourceLookup } from './resource-inventory.port';
import { SimCloudResourceEntity } from './sim-cloud-resource.entity';

function resourceOf(row: SimCloudResourceEntity): CloudResource {
  return {
    instanceId: row.instanceId,
    type: row.type as ResourceType,
    region: row.region,
    publicIp: row.publicIp,
    billingMode: row.billingMode as BillingMode,
    termMonths: row.termMonths,
    expiresAt: new Date(row.expiresAt).toISOString(),
    boundInstanceId: row.boundInstanceId,
    filedServices: row.filedServices,
    refunded: row.refundedAt !== null,
  };
}

/**
 * The embedded default: each account's instances as staff registered them. An account nobody registered an instance
 * for is not checked (demos and older drafts type any instance ID); once it has one, every ID must be in it.
 */
@Injectable()
export class SimulatedResourceInventory extends ResourceInventory {
  constructor(private readonly clock: Clock) {
    super();
  }

  async list(tx: EntityManager, accountId: string): Promise<CloudResource[]> {
    const rows = await tx.find(SimCloudResourceEntity, { where: { accountId }, order: { id: 'ASC' } });
    return rows.map(resourceOf);
  }

  async lookup(tx: EntityManager, accountId: string, instanceId: string): Promise<ResourceLookup> {
    const row = await tx.findOne(SimCloudResourceEntity, { where: { accountId, instanceId } });
    if (!row) return (await tx.count(SimCloudResourceEntity, { where: { accountId } })) ? { missing: true } : { unchecked: true };
    const bound = row.boundInstanceId ? await tx.findOne(SimCloudResourceEntity, { where: { accountId, instanceId: row.boundInstanceId } }) : null;
    return { found: resourceOf(row), bound: bound ? resourceOf(bound) : null };
  }

  async register(tx: EntityManager, accountId: string, instanceId: string, request: RegisterResourceRequest): Promise<void> {
    const values = {
      type: request.type,
      region: request.region,
      publicIp: request.publicIp,
      billingMode: request.billingMode,
      termMonths: request.termMonths,
      expiresAt: new Date(request.expiresAt),
      boundInstanceId: request.boundInstanceId ?? null,
      filedServices: request.filedServices ?? 0,
      refundedAt: null,
      updatedAt: this.clock.now(),
    };
    const existing = await tx.findOne(SimCloudResourceEntity, { where: { accountId, instanceId } });
    if (existing) await tx.update(SimCloudResourceEntity, { id: existing.id }, values);
    else await tx.insert(SimCloudResourceEntity, { accountId, instanceId, ...values });
  }

  /** Marks the instance refunded; false when the account has no such instance. */
  async refund(tx: EntityManager, accountId: string, instanceId: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await tx.update(SimCloudResourceEntity, { accountId, instanceId }, { refundedAt: now, updatedAt: now });
    return Boolean(result.affected);
  }
}
