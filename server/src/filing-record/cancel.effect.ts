import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovedOrder } from '../order-core/order-approval.port';
import { FilingRecordStore } from './filing-record.store';
import { orderServiceIds, type GroupRecordEffect } from './group-record.effect';

/**
 * 注销主体 / 注销服务 / 批量注销服务 approved by the 管局: the numbers are cancelled (a `-n` is never issued again: the
 * subject's highest `-n` stays). 注销主体 ends the subject and all its services; the last service cancelled leaves a
 * 空壳主体 (number still valid, no service and no access).
 */
@Injectable()
export class CancelEffect implements GroupRecordEffect {
  constructor(private readonly store: FilingRecordStore) {}

  async apply(tx: EntityManager, { order, at }: ApprovedOrder): Promise<void> {
    const subjectId = order.subjectId;
    if (!subjectId) throw new Error(`注销 order ${order.id} without a subject`);
    const active = await this.store.servicesOfSubjects(tx, [subjectId], ['active']);
    const chosen = order.kind === 'cancel_subject' ? active : active.filter((s) => orderServiceIds(order).includes(s.id));
    for (const service of chosen) await this.store.endService(tx, service.id, 'cancelled', at);
    if (order.kind === 'cancel_subject') await this.store.setSubjectState(tx, subjectId, 'cancelled', at);
    else if (chosen.length === active.length) await this.store.setSubjectState(tx, subjectId, 'shell', at);
  }
}
