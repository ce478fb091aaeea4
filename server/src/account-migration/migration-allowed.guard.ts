import { Injectable } from '@nestjs/common';
import { MIGRATION_REFUSALS, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { VerificationCodes } from '../cancellations/verification-codes.service';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import type { MigrationDraft } from '../filing-record/migration.effect';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { ChecksGuards, guardFailed, type GuardChecker, type GuardedOrder } from '../order-core/transition-guards';
import { AppException } from '../platform/errors/app-exception';
import { MigrationChecks } from './migration-checks';

/**
 * `migration_allowed`, in the transaction that moves the subject: the subject is still the order owner's and active
 * (locked: a second migration of it waits, then finds it moved), no other order of it is in flight, the SMS code
 * was entered, and the target still passes every check.
 */
@Injectable()
@ChecksGuards(['migration_allowed'])
export class MigrationAllowedGuard implements GuardChecker {
  constructor(
    private readonly records: FilingRecordStore,
    private readonly drafts: OrderDraftStore,
    private readonly codes: VerificationCodes,
    private readonly checks: MigrationChecks,
  ) {}

  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const { subjectId } = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, subjectId: true }, where: { id: order.id } });
    const subject = subjectId ? await this.records.lockSubject(tx, subjectId) : null;
    if (!subject || subject.ownerId !== order.ownerId || subject.state !== 'active') throw guardFailed(guard);
    if (await this.checks.orderInFlight(tx, subject, order.id))
      throw new AppException('TRANSITION_NOT_ALLOWED', undefined, { reason: 'MIGRATION_ORDER_IN_FLIGHT' }, MIGRATION_REFUSALS.MIGRATION_ORDER_IN_FLIGHT);
    const migration = (await this.drafts.load(tx, order.id)).migration as MigrationDraft | undefined;
    const full = await this.records.subject(tx, subject.id);
    if (!full) throw guardFailed(guard);
    const { mobile } = this.checks.principalOf(full);
    if (!migration?.targetAccountId || !mobile || !(await this.codes.confirmed(tx, order.id, [{ channel: 'sms', address: mobile }])))
      throw AppException.validation([{ path: 'migration.code', code: 'CODE_REQUIRED', message: '请获取并输入验证码，并填写迁入账号 ID 后再确定' }]);
    const targetUserId = await this.checks.targetUser(tx, order.ownerId, full, migration.targetAccountId);
    if (targetUserId !== migration.targetUserId) throw guardFailed(guard);
  }
}
