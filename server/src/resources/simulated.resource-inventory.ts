import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { addMonths, chinaDate, type CloudResource, type RegisterResourceRequest, type ResourceType, type BillingMode } from '@beian/shared';
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

/** Months bought and left of the instances a new account starts with. */
const STARTER_TERM_MONTHS = 12;
const STARTER_MONTHS_LEFT = 11;

/**
 * What a new account holds in the simulation, as a real one holds what it bought before filing: a CVM (广州, public
 * IP) and a Lighthouse (上海), both 包年包月 with a year bought and 11 months left. IDs follow the account, so a
 * demo finds the same ones again.
 */
function starterInstances(accountId: string, now: Date): Omit<SimCloudResourceEntity, 'id'>[] {
  const tag = createHash('sha256').update(accountId).digest('hex').slice(0, 8);
  const expiresAt = new Date(`${addMonths(chinaDate(now), STARTER_MONTHS_LEFT)}T12:00:00+08:00`);
  const common = {
    accountId,
    billingMode: 'prepaid',
    termMonths: STARTER_TERM_MONTHS,
    expiresAt,
    boundInstanceId: null,
    filedServices: 0,
    refundedAt: null,
    updatedAt: now,
  };
  const octet = (parseInt(tag.slice(0, 2), 16) % 250) + 2;
  return [
    { ...common, instanceId: `ins-${tag}`, type: 'cvm', region: 'ap-guangzhou', publicIp: `203.0.113.${octet}` },
    { ...common, instanceId: `lhins-${tag}`, type: 'lighthouse', region: 'ap-shanghai', publicIp: `198.51.100.${octet}` },
  ];
}

/**
 * The embedded default: each account's instances. An account the inventory has never seen starts with the starter
 * instances; staff register more (or an account's first ones, then it gets no starters). Every instance ID a filing
 * names must be one of the account's.
 */
@Injectable()
export class SimulatedResourceInventory extends ResourceInventory {
  constructor(private readonly clock: Clock) {
    super();
  }

  async list(tx: EntityManager, accountId: string): Promise<CloudResource[]> {
    await this.seedNewAccount(tx, accountId);
    const rows = await tx.find(SimCloudResourceEntity, { where: { accountId }, order: { id: 'ASC' } });
    return rows.map(resourceOf);
  }

  async lookup(tx: EntityManager, accountId: string, instanceId: string): Promise<ResourceLookup> {
    await this.seedNewAccount(tx, accountId);
    const row = await tx.findOne(SimCloudResourceEntity, { where: { accountId, instanceId } });
    if (!row) return { missing: true };
    const bound = row.boundInstanceId ? await tx.findOne(SimCloudResourceEntity, { where: { accountId, instanceId: row.boundInstanceId } }) : null;
    return { found: resourceOf(row), bound: bound ? resourceOf(bound) : null };
  }

  private async seedNewAccount(tx: EntityManager, accountId: string): Promise<void> {
    if (await tx.exists(SimCloudResourceEntity, { where: { accountId } })) return;
    await tx.createQueryBuilder().insert().into(SimCloudResourceEntity).values(starterInstances(accountId, this.clock.now())).orIgnore().execute();
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
