import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovedOrder } from '../order-core/order-approval.port';
import { FilingRecordStore } from './filing-record.store';
import { orderServiceIds, type GroupRecordEffect } from './group-record.effect';

/**
 * 取消接入 / 批量取消接入 approved: only our access ends (the numbers stay at MIIT); the services leave 我的备案, and
 * when none is left with us the subject leaves this platform (not cancelled at MIIT).
 */
@Injectable()
export class CancelAccessEffect implements GroupRecordEffect {
  constructor(private readonly store: FilingRecordStore) {}

  async apply(tx: EntityManager, { order, at }: ApprovedOrder): Promise<void> {
    const subjectId = order.subjectId;
    if (!subjectId) throw new Error(`取消接入 order ${order.id} without a subject`);
    const active = await this.store.servicesOfSubjects(tx, [subjectId], ['active']);
    const chosen = active.filter((s) => orderServiceIds(order).includes(s.id));
    for (const service of chosen) await this.store.endService(tx, service.id, 'access_cancelled', at);
    if (chosen.length === active.length) await this.store.setSubjectState(tx, subjectId, 'removed_here', at);
  }
}
