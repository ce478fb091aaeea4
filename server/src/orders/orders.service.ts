import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  draftSchema,
  fieldErrorsFromZod,
  inFlightOrderFindings,
  startsFromRecord,
  nextStepText,
  statusLabel,
  isOrderKind,
  applicantEditScope,
  ORDER_STATE_KEYS,
  type CreateOrderRequest,
  type EditableFields,
  type OrderDetail,
  type OrderSummary,
  type PrecheckResponse,
  type SaveDraftRequest,
  type SaveDraftResponse,
  type SessionUser,
} from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { JobScheduler } from '../jobs/job-scheduler';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { IdempotencyService, type IdempotentResult } from '../platform/http/idempotency.service';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { FilingTypeService } from './filing-type.service';
import { InFlightOrdersCheck, OPEN_ORDER_STATES, type InFlightScope } from './in-flight-orders';
import { RecordOrders } from './record-orders';
import { OrderPrecheck } from './order-precheck.service';
import { draftSectionErrors } from './draft-sections.policy';
import { OrderAccess } from '../order-core/order-access';
import { DraftSavedEffects } from '../order-core/draft-saved-effects';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { OrderFieldLock } from '../order-core/order-field-lock.service';
import { OrderHistoryEntity } from '../order-core/order-history.entity';
import { jobsOnEntering } from '../order-core/order-jobs.policy';
import { OrderStateMachine } from '../order-core/order-state-machine';
import { loadTimeline } from '../order-core/order-timeline.query';
import { servicesText, servicesTexts, SUMMARY_COLUMNS, type OrderRow } from './order-summaries';

const FREELY_EDITABLE_STATES = ORDER_STATE_KEYS.filter((state) => applicantEditScope(state) === 'all');

@Injectable()
export class OrdersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly idempotency: IdempotencyService,
    private readonly drafts: OrderDraftStore,
    private readonly draftEffects: DraftSavedEffects,
    private readonly access: OrderAccess,
    private readonly stateMachine: OrderStateMachine,
    private readonly fieldLock: OrderFieldLock,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly precheck: OrderPrecheck,
    private readonly filingType: FilingTypeService,
    private readonly recordOrders: RecordOrders,
    private readonly inFlight: InFlightOrdersCheck,
  ) {}

  async create(user: SessionUser, request: CreateOrderRequest, idempotencyKey?: string): Promise<IdempotentResult<OrderDetail>> {
    if (!isOrderKind(request.kind)) {
      throw AppException.validation([{ path: 'kind', code: 'OPTION_INVALID', message: '请选择有效的备案类型' }]);
    }
    const kind = startsFromRecord(request.kind) ? request.kind : await this.filingType.kindForNewOrder(user, request, request.kind);
    const verifiedIndex = request.verification ? this.filingType.subjectIndex(request.verification.certificateNumber) : null;
    return this.idempotency.run(user.id, idempotencyKey, 'orders.create', request, async (tx) => {
      await this.lockAccount(tx, user.id);
      const subject = await this.recordOrders.subjectFor(tx, user, request, kind);
      const subjectIndex = subject?.certificateIndex ?? verifiedIndex;
      await this.assertNoneInFlight(tx, { ownerId: user.id, subjectIndex, subjectId: subject?.id ?? null }, request);
      const start = subject ? await this.recordOrders.start(tx, kind, subject, request) : { draft: {}, serviceIds: null };
      const now = this.clock.now();
      const order = tx.create(FilingOrderEntity, {
        id: randomUUID(),
        ownerId: user.id,
        kind,
        subjectType: request.subjectType,
        serviceType: request.serviceType,
        status: 'draft',
        subjectIndex,
        subjectId: subject?.id ?? null,
        serviceIds: start.serviceIds && JSON.stringify(start.serviceIds),
        version: 1,
        submittedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(FilingOrderEntity, order);
      await this.drafts.save(tx, order.id, start.draft, now);
      const history = await tx.insert(OrderHistoryEntity, {
        orderId: order.id,
        fromStatus: null,
        toStatus: 'draft',
        event: 'create',
        actorType: 'applicant',
        actorId: user.id,
        reason: null,
        createdAt: now,
      });
      for (const job of jobsOnEntering(order, 'draft', String(history.identifiers[0]?.id), now)) await this.jobs.schedule(tx, job);
      return { status: 201, body: await this.detail(tx, order, this.drafts.mask(start.draft)) };
    });
  }

  /** One order in flight per account (409 naming it) and per subject across accounts (on the field that named the subject). */
  private async assertNoneInFlight(tx: EntityManager, scope: InFlightScope, request: CreateOrderRequest): Promise<void> {
    const open = await tx.findOne(FilingOrderEntity, { select: { id: true }, where: { ownerId: scope.ownerId, status: In(OPEN_ORDER_STATES) } });
    if (open) throw new AppException('ORDER_IN_FLIGHT', undefined, { orderId: open.id });
    const [subjectTaken] = inFlightOrderFindings(await this.inFlight.counts(tx, scope));
    if (subjectTaken) {
      const path = request.subjectId ? 'subjectId' : 'verification.certificateNumber';
      throw new AppException('SUBJECT_ORDER_IN_FLIGHT', [{ path, code: subjectTaken.code, message: subjectTaken.message }]);
    }
  }

  async list(user: SessionUser): Promise<OrderSummary[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.find(FilingOrderEntity, { select: SUMMARY_COLUMNS, where: { ownerId: user.id }, order: { createdAt: 'DESC' } });
      const texts = await servicesTexts(
        tx,
        this.drafts,
        rows.map((row) => row.id),
      );
      return rows.map((row) => this.summary(row, texts.get(row.id) ?? ''));
    });
  }

  async get(user: SessionUser, orderId: string, reveal = false): Promise<OrderDetail> {
    const tx = this.db.manager;
    const order = await this.ownedOrder(tx, user, orderId);
    const draft = await this.drafts.load(tx, order.id);
    return this.detail(tx, order, reveal ? draft : this.drafts.mask(draft));
  }

  saveDraft(user: SessionUser, orderId: string, request: SaveDraftRequest): Promise<SaveDraftResponse> {
    const sectionErrors = draftSectionErrors(request.draft);
    if (sectionErrors.length) throw AppException.validation(sectionErrors);
    const parsed = draftSchema.safeParse(request.draft);
    if (!parsed.success) throw AppException.validation(fieldErrorsFromZod(parsed.error).map((f) => ({ ...f, path: `draft.${f.path}` })));
    const sections = Object.fromEntries(Object.keys(request.draft).map((k) => [k, (parsed.data as DraftTree)[k]]));
    const certificateNumber = (sections.subject as { certificateNumber?: unknown } | undefined)?.certificateNumber;
    const subjectIndex = typeof certificateNumber === 'string' && certificateNumber ? this.filingType.subjectIndex(certificateNumber) : null;
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const bumped = await this.bumpFreelyEditable(tx, user, orderId, request.version, now, subjectIndex);
      if (!bumped) await this.bumpGuarded(tx, user, orderId, request.version, sections, now, subjectIndex);
      await this.recordOrders.assertLockedKept(tx, orderId, sections);
      await this.drafts.save(tx, orderId, sections, now);
      await this.draftEffects.saved(tx, orderId, sections);
      return { version: request.version + 1, savedAt: now.toISOString() };
    });
  }

  /**
   * Autosave's hot path, one statement: bumps the version of the caller's order when the save is current and the
   * state lets the applicant change everything. Anything else (another account, a stale version, a locked or
   * field-locked state) answers false and takes bumpGuarded, which finds the reason.
   */
  private async bumpFreelyEditable(
    tx: EntityManager,
    user: SessionUser,
    orderId: string,
    version: number,
    now: Date,
    subjectIndex: string | null,
  ): Promise<boolean> {
    const states = FREELY_EDITABLE_STATES.map(() => '?').join(', ');
    const affected = await this.db.execute(
      tx,
      `UPDATE filing_orders SET version = version + 1, updated_at = ?, subject_index = COALESCE(?, subject_index) WHERE id = ? AND owner_id = ? AND version = ? AND status IN (${states})`,
      [this.db.timeParam(now), subjectIndex, orderId, user.id, version, ...FREELY_EDITABLE_STATES],
    );
    return affected === 1;
  }

  private async bumpGuarded(
    tx: EntityManager,
    user: SessionUser,
    orderId: string,
    version: number,
    sections: DraftTree,
    now: Date,
    subjectIndex: string | null,
  ): Promise<void> {
    const order = await this.ownedOrder(tx, user, orderId);
    this.access.assertEditable(order);
    if (order.version !== version) throw await this.conflict(tx, order);
    const editable = await this.fieldLock.editablePaths(tx, order);
    if (editable) this.fieldLock.assertOnlyEditable(await this.drafts.load(tx, order.id), sections, editable);
    const updated = await tx.update(
      FilingOrderEntity,
      { id: order.id, version: order.version },
      { version: order.version + 1, updatedAt: now, ...(subjectIndex ? { subjectIndex } : {}) },
    );
    if (!updated.affected) throw await this.conflict(tx, order);
  }

  submit(user: SessionUser, orderId: string, idempotencyKey?: string): Promise<IdempotentResult<OrderDetail>> {
    return this.applicantMove(user, orderId, 'submit', idempotencyKey);
  }

  /** Sends a rejected, failed or returned order back for review with the applicant's changes. */
  resubmit(user: SessionUser, orderId: string, idempotencyKey?: string): Promise<IdempotentResult<OrderDetail>> {
    return this.applicantMove(user, orderId, 'resubmit', idempotencyKey);
  }

  /** 撤回修改: takes a submitted order back to the draft while no reviewer has claimed it. */
  pullBack(user: SessionUser, orderId: string, idempotencyKey?: string): Promise<IdempotentResult<OrderDetail>> {
    return this.applicantMove(user, orderId, 'reopen', idempotencyKey);
  }

  /** 撤销订单: ends the order (the draft is kept); the account may start a new one. */
  withdraw(user: SessionUser, orderId: string, idempotencyKey?: string): Promise<IdempotentResult<OrderDetail>> {
    return this.applicantMove(user, orderId, 'withdraw', idempotencyKey);
  }

  reopenFields(user: SessionUser, orderId: string, paths: string[]): Promise<EditableFields> {
    return this.db.transaction(async (tx) => {
      const order = await this.ownedOrder(tx, user, orderId);
      return { paths: await this.fieldLock.reopen(tx, order, paths) };
    });
  }

  private applicantMove(
    user: SessionUser,
    orderId: string,
    event: 'submit' | 'resubmit' | 'reopen' | 'withdraw',
    idempotencyKey?: string,
  ): Promise<IdempotentResult<OrderDetail>> {
    return this.idempotency.run(user.id, idempotencyKey, `orders.${event}:${orderId}`, null, async (tx) => {
      const order = await this.ownedOrder(tx, user, orderId);
      const draft = await this.drafts.load(tx, order.id);
      const submits = event === 'submit' || event === 'resubmit';
      const moved = await this.stateMachine.fire(
        tx,
        order,
        { event, actor: { type: 'applicant', id: user.id } },
        submits ? { submittedAt: this.clock.now() } : {},
      );
      return { status: 200, body: await this.detail(tx, { ...order, ...moved }, this.drafts.mask(draft)) };
    });
  }

  /** Everything that would stop a submission now, so the applicant can fix it first. */
  async check(user: SessionUser, orderId: string): Promise<PrecheckResponse> {
    const order = await this.ownedOrder(this.db.manager, user, orderId);
    return this.precheck.run(this.db.manager, order, await this.drafts.load(this.db.manager, order.id));
  }

  /** Serializes order creation per account on MySQL/MariaDB (SQLite transactions already run one at a time). */
  private async lockAccount(tx: EntityManager, userId: string): Promise<void> {
    if (this.db.isSqlite) return;
    await tx.createQueryBuilder(UserEntity, 'u').select('u.id').where('u.id = :id', { id: userId }).setLock('pessimistic_write').getOne();
  }

  /** Another account's order answers 404, as if it did not exist. */
  private ownedOrder(tx: EntityManager, user: SessionUser, orderId: string): Promise<OrderRow> {
    return this.access.owned(tx, user, orderId);
  }

  private async conflict(tx: EntityManager, order: OrderRow): Promise<AppException> {
    const current = await tx.findOne(FilingOrderEntity, { select: { version: true }, where: { id: order.id } });
    const draft = await this.drafts.load(tx, order.id);
    return new AppException('VERSION_CONFLICT', undefined, { version: current?.version ?? order.version, draft: this.drafts.mask(draft) });
  }

  private summary(order: OrderRow, services: string): OrderSummary {
    return {
      id: order.id,
      kind: order.kind,
      subjectType: order.subjectType,
      serviceType: order.serviceType,
      status: order.status,
      statusLabel: statusLabel(order.status),
      servicesText: services,
      version: order.version,
      updatedAt: new Date(order.updatedAt).toISOString(),
    };
  }

  private async detail(tx: EntityManager, order: OrderRow, draft: DraftTree): Promise<OrderDetail> {
    return {
      ...this.summary(order, servicesText(draft)),
      draft,
      timeline: await loadTimeline(tx, order.id),
      nextStep: nextStepText(order.status),
      rejections: await this.fieldLock.rejections(tx, order),
      editablePaths: await this.fieldLock.editablePaths(tx, order),
      now: this.clock.now().toISOString(),
    };
  }
}
