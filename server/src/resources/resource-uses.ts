import { Injectable } from '@nestjs/common';
import { serviceKey, type OrderState } from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { ResourceUseEntity } from './resource-use.entity';

const SERVICE_SECTIONS = ['websites', 'apps'] as const;

/** Submitted and not yet decided: what the quota counts besides approved services. */
export const IN_FLIGHT: readonly OrderState[] = ['pending_initial_review', 'pending_regulator_submission', 'sms_verification', 'regulator_review'];
/** At MIIT or the 管局: a lapse there is found by the daily lapse check and by a 退费. */
export const AT_REGULATOR: readonly OrderState[] = ['sms_verification', 'regulator_review'];

/** A service of the draft that names an instance of the account. */
export interface InstanceUse {
  path: string;
  instanceId: string;
  serviceKey: string;
}

interface DraftService {
  name?: string;
  domains?: string[];
  resource?: { type?: string; instanceId?: string };
}

/** The record's key of the service (`serviceKey` of shared: first domain, APP name), so that a 注销 on the record finds it. */
function serviceKeyOf(section: (typeof SERVICE_SECTIONS)[number], service: DraftService, index: number): string {
  const domain = Array.isArray(service.domains) ? service.domains[0]?.trim() : undefined;
  if (section === 'websites' && domain) return serviceKey('website', domain).slice(0, 270);
  if (section === 'apps' && service.name?.trim()) return serviceKey('app', service.name).slice(0, 270);
  return `${section}.${index}`;
}

export function instanceUses(draft: DraftTree): InstanceUse[] {
  return SERVICE_SECTIONS.flatMap((section) => {
    const services = Array.isArray(draft[section]) ? (draft[section] as DraftService[]) : [];
    return services.flatMap((service, i) => {
      const instanceId = service?.resource?.type === 'instance' ? service.resource.instanceId?.trim() : undefined;
      return instanceId ? [{ path: `${section}.${i}.resource.instanceId`, instanceId, serviceKey: serviceKeyOf(section, service, i) }] : [];
    });
  });
}

/** The services of an account's in-flight and approved orders on its instances (`resource_uses`). */
@Injectable()
export class ResourceUses {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /**
   * Distinct services per instance on the account's other orders (in flight or approved), in one statement.
   * `locking`: read the latest committed rows under a shared lock (after `lock`), not the transaction's snapshot.
   */
  async counts(tx: EntityManager, accountId: string, instanceIds: string[], exceptOrderId: string | null, locking = false): Promise<Map<string, number>> {
    if (!instanceIds.length) return new Map();
    const query = tx
      .createQueryBuilder(ResourceUseEntity, 'u')
      .select('u.instanceId', 'instanceId')
      .addSelect('COUNT(DISTINCT u.serviceKey)', 'services')
      .where('u.accountId = :accountId AND u.instanceId IN (:...instanceIds)', { accountId, instanceIds })
      .groupBy('u.instanceId');
    if (exceptOrderId) query.andWhere('u.orderId <> :exceptOrderId', { exceptOrderId });
    if (locking && !this.db.isSqlite) query.setLock('pessimistic_read');
    const rows = await query.getRawMany<{ instanceId: string; services: number | string }>();
    return new Map(rows.map((row) => [row.instanceId, Number(row.services)]));
  }

  /**
   * Locks the instances' quota rows (created when missing) until the transaction ends, one at a time in one order.
   * Answers the instances whose row this transaction created: no reservation ever named them, so no other order
   * counts on them (MySQL/MariaDB; SQLite runs one transaction at a time and answers none).
   */
  async lock(tx: EntityManager, accountId: string, instanceIds: string[]): Promise<Set<string>> {
    const created = new Set<string>();
    for (const instanceId of [...new Set(instanceIds)].sort()) {
      const onConflict = this.db.isSqlite
        ? 'ON CONFLICT (account_id, instance_id) DO UPDATE SET touched = touched + 1'
        : 'ON DUPLICATE KEY UPDATE touched = touched + 1';
      const affected = await this.db.execute(tx, `INSERT INTO resource_quota_locks (account_id, instance_id, touched) VALUES (?, ?, 0) ${onConflict}`, [
        accountId,
        instanceId,
      ]);
      // MySQL/MariaDB count an inserted row once and an updated one twice.
      if (!this.db.isSqlite && affected === 1) created.add(instanceId);
    }
    return created;
  }

  /** The order's services on instances, from its submitted draft, at `stage` (its earlier rows replaced). */
  async record(tx: EntityManager, order: { id: string; ownerId: string }, uses: InstanceUse[], stage: string): Promise<void> {
    await this.release(tx, order.id);
    if (!uses.length) return;
    const updatedAt = this.clock.now();
    await tx.insert(
      ResourceUseEntity,
      uses.map((use) => ({ accountId: order.ownerId, instanceId: use.instanceId, orderId: order.id, serviceKey: use.serviceKey, stage, updatedAt })),
    );
  }

  /** Approved: the order's services replace the approved uses of the same services (a 变更 counts each once). */
  async approve(tx: EntityManager, order: { id: string; ownerId: string }): Promise<void> {
    const rows = await this.rowsOf(tx, order.id);
    if (!rows.length) return;
    const replaced = await tx.find(ResourceUseEntity, {
      select: { id: true, orderId: true },
      where: { accountId: order.ownerId, stage: 'approved', serviceKey: In(rows.map((row) => row.serviceKey)) },
    });
    const stale = replaced.filter((row) => row.orderId !== order.id).map((row) => row.id);
    if (stale.length) await tx.delete(ResourceUseEntity, { id: In(stale) });
    await tx.update(ResourceUseEntity, { id: In(rows.map((row) => row.id)) }, { stage: 'approved', updatedAt: this.clock.now() });
  }

  /** 注销 / 取消接入 approved: the ended services' places on their instances come back (any account's rows: the key is the service). */
  async releaseServices(tx: EntityManager, serviceKeys: readonly string[]): Promise<void> {
    if (!serviceKeys.length) return;
    const rows = await tx.find(ResourceUseEntity, { select: { id: true }, where: { stage: 'approved', serviceKey: In([...serviceKeys]) } });
    if (rows.length) await tx.delete(ResourceUseEntity, { id: In(rows.map((row) => row.id)) });
  }

  async restage(tx: EntityManager, orderId: string, stage: string): Promise<void> {
    const rows = await this.rowsOf(tx, orderId);
    if (rows.length) await tx.update(ResourceUseEntity, { id: In(rows.map((row) => row.id)) }, { stage, updatedAt: this.clock.now() });
  }

  async release(tx: EntityManager, orderId: string): Promise<void> {
    const rows = await this.rowsOf(tx, orderId);
    if (rows.length) await tx.delete(ResourceUseEntity, { id: In(rows.map((row) => row.id)) });
  }

  /**
   * The order's rows by a plain read, so that writes name them by key: a write by `order_id` would lock the index
   * gap around it on MariaDB and hold up other orders' submissions.
   */
  private rowsOf(tx: EntityManager, orderId: string): Promise<Pick<ResourceUseEntity, 'id' | 'serviceKey'>[]> {
    return tx.find(ResourceUseEntity, { select: { id: true, serviceKey: true }, where: { orderId } });
  }

  async hasUses(tx: EntityManager, orderId: string): Promise<boolean> {
    return (await tx.count(ResourceUseEntity, { where: { orderId } })) > 0;
  }

  /** The account's orders at one of `stages` with a service on the instance. */
  async ordersOn(tx: EntityManager, accountId: string, instanceId: string, stages: string[]): Promise<string[]> {
    const rows = await tx.find(ResourceUseEntity, { select: { orderId: true }, where: { accountId, instanceId, stage: In(stages) } });
    return [...new Set(rows.map((row) => row.orderId))];
  }
}
