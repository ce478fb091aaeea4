import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { ApprovedOrder } from '../order-core/order-approval.port';
import { OrderOwnership } from '../order-core/order-ownership';
import { FilingRecordStore } from './filing-record.store';
import type { GroupRecordEffect } from './group-record.effect';

/** What a 迁移备案账号 order keeps in its draft (section `migration`), written when the target was accepted. */
export interface MigrationDraft {
  targetAccountId: string;
  /** The user behind the target account: the subject's next owner. */
  targetUserId: string;
}

/**
 * 迁移备案账号 approved (guard `migration_allowed` passed in this transaction): the subject, with its services and
 * access, and its finished orders belong to the target account from now on (S003 4059: "原账号将无法再管理该备案主体
 * 的信息"); the audit log says who moved it to which account.
 */
@Injectable()
export class MigrationEffect implements GroupRecordEffect {
  constructor(
    private readonly store: FilingRecordStore,
    private readonly ownership: OrderOwnership,
    private readonly audit: AuditLogService,
  ) {}

  async apply(tx: EntityManager, { order, draft, at }: ApprovedOrder): Promise<void> {
    const migration = draft.migration as MigrationDraft | undefined;
    const subject = order.subjectId ? await this.store.lockSubject(tx, order.subjectId) : null;
    if (!subject || !migration?.targetUserId || subject.ownerId !== order.ownerId) throw new Error(`迁移 order ${order.id} without its subject or target`);
    const versions = await this.store.versionsOfSubject(tx, subject.id);
    await this.store.updateSubject(tx, subject.id, { ownerId: migration.targetUserId }, at);
    await this.ownership.moveSubjectOrders(tx, {
      subjectId: subject.id,
      orderIds: versions.map((v) => v.orderId),
      from: order.ownerId,
      to: migration.targetUserId,
      exceptOrderId: order.id,
    });
    await this.audit.record(tx, {
      actorId: order.ownerId,
      action: 'record.migrated',
      orderId: order.id,
      target: `subject:${subject.id}`,
      reason: `迁入账号 ${migration.targetAccountId}`,
    });
  }
}
