import { Injectable } from '@nestjs/common';
import {
  FILING_SUBJECT_STATES,
  MIGRATION_NOTICES,
  MIGRATION_REFUSALS,
  type MigrationCodeRequest,
  type MigrationConfirmRequest,
  type MigrationOptions,
  type MigrationView,
  type SendAccountCodeResponse,
  type SessionUser,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { VerificationCodes, type CodeAddress } from '../cancellations/verification-codes.service';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import type { FilingSubjectEntity } from '../filing-record/filing-subject.entity';
import type { MigrationDraft } from '../filing-record/migration.effect';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { MigrationChecks, type RecordedPrincipal } from './migration-checks';

const PURPOSE = '迁移备案账号';

interface Loaded {
  order: FilingOrderEntity;
  subject: FilingSubjectEntity;
  principal: RecordedPrincipal;
}

/**
 * 迁移备案账号 up to submission (S003 4074–4077): the notices, the subject principal and mobile typed and confirmed by
 * an SMS code (the verification code service 注销 uses), and the target account ID. Submitting moves the subject.
 */
@Injectable()
export class AccountMigrationService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly drafts: OrderDraftStore,
    private readonly records: FilingRecordStore,
    private readonly codes: VerificationCodes,
    private readonly checks: MigrationChecks,
    private readonly clock: Clock,
  ) {}

  /** Whether the subject can be migrated now; a migration of it already started is resumed rather than refused. */
  async options(user: SessionUser, subjectId: string): Promise<MigrationOptions> {
    const tx = this.db.manager;
    const subject = await this.records.subject(tx, subjectId);
    if (!subject || subject.ownerId !== user.id) throw new AppException('FILING_SUBJECT_NOT_FOUND');
    const started = await tx.findOne(FilingOrderEntity, {
      select: { id: true },
      where: { subjectId, ownerId: user.id, kind: 'migrate_account', status: 'draft' },
    });
    const busy = !started && (await this.accountBusy(tx, user.id, subject));
    const reason =
      subject.state !== 'active'
        ? `该主体${FILING_SUBJECT_STATES[subject.state]}，不能办理「迁移备案账号」`
        : busy
          ? MIGRATION_REFUSALS.MIGRATION_ORDER_IN_FLIGHT
          : null;
    return {
      subjectId,
      subjectType: subject.nature === 'personal' ? 'personal' : 'unit',
      subjectName: this.checks.subjectName(subject),
      subjectIcpNumber: subject.subjectIcpNumber,
      available: reason === null,
      reason,
      resumeOrderId: started?.id ?? null,
      notices: [...MIGRATION_NOTICES],
    };
  }

  async view(user: SessionUser, orderId: string): Promise<MigrationView> {
    return this.db.transaction(async (tx) => this.render(tx, await this.load(tx, await this.access.owned(tx, user, orderId))));
  }

  async sendCode(user: SessionUser, orderId: string, request: MigrationCodeRequest): Promise<SendAccountCodeResponse> {
    const to = await this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.editable(tx, user, orderId));
      this.checks.assertPrincipal(loaded.principal, request);
      return this.address(loaded);
    });
    return this.codes.send(user.id, orderId, to, PURPOSE);
  }

  /** The target is checked before the code is spent; a code already entered for this order stays valid. */
  async confirm(user: SessionUser, orderId: string, request: MigrationConfirmRequest): Promise<MigrationView> {
    const { loaded, targetUserId, confirmed } = await this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.editable(tx, user, orderId));
      this.checks.assertPrincipal(loaded.principal, request);
      const targetUserId = await this.checks.targetUser(tx, user.id, loaded.subject, request.targetAccountId);
      return { loaded, targetUserId, confirmed: await this.codes.confirmed(tx, orderId, [this.address(loaded)]) };
    });
    if (!confirmed) await this.codes.verify(user.id, orderId, this.address(loaded), request.code);
    return this.db.transaction(async (tx) => {
      const migration: MigrationDraft = { targetAccountId: request.targetAccountId.trim(), targetUserId };
      await this.drafts.save(tx, orderId, { migration }, this.clock.now());
      return this.render(tx, loaded);
    });
  }

  /** The account's own open order, or any open order of the subject. */
  private async accountBusy(tx: EntityManager, ownerId: string, subject: FilingSubjectEntity): Promise<boolean> {
    return (await this.checks.accountOrderInFlight(tx, ownerId)) || this.checks.orderInFlight(tx, subject);
  }

  private async load(tx: EntityManager, order: FilingOrderEntity): Promise<Loaded> {
    if (order.kind !== 'migrate_account' || !order.subjectId) throw new AppException('MIGRATION_NOT_ALLOWED');
    const subject = await this.records.subject(tx, order.subjectId);
    if (!subject) throw new AppException('FILING_SUBJECT_NOT_FOUND');
    return { order, subject, principal: this.checks.principalOf(subject) };
  }

  private address({ principal }: Loaded): CodeAddress {
    return { channel: 'sms', address: principal.mobile };
  }

  private async render(tx: EntityManager, loaded: Loaded): Promise<MigrationView> {
    const draft = (await this.drafts.load(tx, loaded.order.id)).migration as MigrationDraft | undefined;
    return {
      orderId: loaded.order.id,
      subjectName: this.checks.subjectName(loaded.subject),
      subjectIcpNumber: loaded.subject.subjectIcpNumber,
      mobileMasked: loaded.principal.mobile ? maskPersonalValue('mobile', loaded.principal.mobile) : null,
      targetAccountId: draft?.targetAccountId ?? null,
      confirmed: !!draft && loaded.principal.mobile !== '' && (await this.codes.confirmed(tx, loaded.order.id, [this.address(loaded)])),
      notices: [...MIGRATION_NOTICES],
    };
  }
}
