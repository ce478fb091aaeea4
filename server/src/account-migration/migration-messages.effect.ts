import { Injectable } from '@nestjs/common';
import { PROGRESS_MESSAGES, statusLabel } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import type { MigrationDraft } from '../filing-record/migration.effect';
import { MessageRequests } from '../notifications/message-requests';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { ORDER_STATUS_EFFECTS, type OrderStatusChange, type OrderStatusEffect } from '../order-core/order-status-effects';
import { Clock } from '../platform/clock/clock';

/**
 * 迁移备案账号 done: the account the subject left and the account it arrived at are each told, in the approval's
 * transaction. The subject is named by its public 主体备案号 (its name is personal data for a personal filing); the new
 * account's message names no order, since the 迁移 order stays with the account that made it.
 */
@Injectable()
@ORDER_STATUS_EFFECTS()
export class MigrationMessages implements OrderStatusEffect {
  constructor(
    private readonly drafts: OrderDraftStore,
    private readonly records: FilingRecordStore,
    private readonly messages: MessageRequests,
    private readonly clock: Clock,
  ) {}

  async entered(tx: EntityManager, { order, to }: OrderStatusChange): Promise<void> {
    if (order.kind !== 'migrate_account' || to !== 'approved') return;
    const migration = (await this.drafts.load(tx, order.id)).migration as MigrationDraft;
    const { subjectId } = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, subjectId: true }, where: { id: order.id } });
    const subject = subjectId ? await this.records.subject(tx, subjectId) : null;
    const named = subject?.subjectIcpNumber ? `备案主体（主体备案号 ${subject.subjectIcpNumber}）` : '备案主体';
    const status = statusLabel('approved', order.kind);
    const now = this.clock.now();
    const out = {
      userId: order.ownerId,
      orderId: order.id,
      type: 'account_migrated_out',
      title: PROGRESS_MESSAGES.account_migrated_out.title,
      body: `${named}及其网站/APP、历史订单已迁移至账号 ${migration.targetAccountId}，本账号将无法再管理该备案主体的信息。`,
      status,
    };
    await this.messages.request(tx, out, `account_migrated_out:${order.id}`, now);
    const arrived = {
      userId: migration.targetUserId,
      orderId: null,
      type: 'account_migrated_in',
      title: PROGRESS_MESSAGES.account_migrated_in.title,
      body: `${named}已通过迁移备案账号迁入本账号，其网站/APP 和历史订单可在“我的备案”中查看和管理。`,
      status,
    };
    await this.messages.request(tx, arrived, `account_migrated_in:${order.id}`, now);
  }
}
