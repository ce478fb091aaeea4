import { Injectable } from '@nestjs/common';
import {
  FILING_SUBJECT_STATES,
  changesRecord,
  ORDER_KINDS,
  provinceByCode,
  startsFromRecord,
  type CreateOrderRequest,
  type FieldError,
  type OrderKind,
  type SessionUser,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingRecordStore, type SubjectRef } from '../filing-record/filing-record.store';
import { RecordDrafts } from '../filing-record/record-draft';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { AppException } from '../platform/errors/app-exception';
import { ChangeOrders } from './change-orders';

/** 新增服务（本平台）: what stays the record's (S003 1423–1436), with why, on its field. */
const LOCKED_SUBJECT_FIELDS = [
  { key: 'regionCode', same: (a: string, b: string) => provinceByCode(a)?.code === provinceByCode(b)?.code, message: '备案地区（省级）不允许修改' },
  { key: 'nature', same: (a: string, b: string) => a === b, message: '主办者性质不允许修改' },
  { key: 'certificateType', same: (a: string, b: string) => a === b, message: '主办者证件类型不允许修改' },
  { key: 'certificateNumber', same: (a: string, b: string) => a.toUpperCase() === b.toUpperCase(), message: '主办者证件号码不允许修改' },
] as const;

const fieldError = (path: string, code: string, message: string): AppException => AppException.validation([{ path, code, message }]);

/**
 * Orders that act on an approved filing start from the caller's subject in 我的备案: the subject behind them, the
 * draft copied from the record and the subject fields the record locks.
 */
@Injectable()
export class RecordOrders {
  constructor(
    private readonly records: FilingRecordStore,
    private readonly recordDrafts: RecordDrafts,
    private readonly changes: ChangeOrders,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * The caller's active subject the order starts from (locked for the transaction): `subjectId`, or for 新增服务（本平台）
   * created from 验证备案类型 the caller's subject of the verified certificate. Null for kinds that file a new subject.
   */
  async subjectFor(tx: EntityManager, user: SessionUser, request: CreateOrderRequest, kind: OrderKind): Promise<SubjectRef | null> {
    if (!startsFromRecord(kind)) return null;
    const label = ORDER_KINDS[kind].label;
    const subjectId = request.subjectId ?? (kind === 'add_service_local' ? await this.verifiedSubjectId(tx, request) : undefined);
    if (!subjectId) {
      throw fieldError(
        'subjectId',
        'FILING_SUBJECT_REQUIRED',
        `办理「${label}」需从「我的备案」中选择已在本平台备案的主体；未在本平台备案的，请联系对应服务商或管局办理`,
      );
    }
    const subject = await this.records.lockSubject(tx, subjectId);
    if (!subject || subject.ownerId !== user.id) throw fieldError('subjectId', 'FILING_SUBJECT_NOT_FOUND', '未找到该备案主体，请从「我的备案」中重新选择');
    if (subject.state !== 'active') {
      throw fieldError('subjectId', 'FILING_SUBJECT_INACTIVE', `该主体${FILING_SUBJECT_STATES[subject.state]}，不能办理「${label}」`);
    }
    if ((subject.nature === 'personal') !== (request.subjectType === 'personal')) {
      throw fieldError('subjectType', 'FILING_KIND_MISMATCH', '主办者性质与所选备案主体不一致');
    }
    return subject;
  }

  private async verifiedSubjectId(tx: EntityManager, request: CreateOrderRequest): Promise<string | undefined> {
    const certificateNumber = request.verification?.certificateNumber;
    return certificateNumber ? (await this.records.subjectByCertificate(tx, this.cipher.blindIndex(certificateNumber)))?.id : undefined;
  }

  /**
   * What an order from the record starts with: 新增服务（本平台）copies the subject and its principal, 变更 also the
   * services chosen in "选择需要变更的服务" (kept on the order in draft order).
   */
  async start(
    tx: EntityManager,
    kind: OrderKind,
    subject: SubjectRef,
    request: CreateOrderRequest,
  ): Promise<{ draft: DraftTree; serviceIds: string[] | null }> {
    if (kind !== 'add_service_local' && !changesRecord(kind)) return { draft: {}, serviceIds: null };
    const chosen = changesRecord(kind) ? await this.changes.chosenServices(tx, kind, subject, request) : [];
    const record = await this.recordDrafts.draftOf(tx, subject.id, chosen);
    if (!record) return { draft: {}, serviceIds: null };
    return { draft: record.draft, serviceIds: changesRecord(kind) ? record.serviceIds : null };
  }

  /** A saved draft keeps what the record locks: 新增服务（本平台）its subject's identity, 变更 its numbers, province and more (ChangeOrders). */
  async assertLockedKept(tx: EntityManager, orderId: string, sections: DraftTree): Promise<void> {
    const order = await tx.findOne(FilingOrderEntity, { select: { kind: true, subjectId: true, serviceIds: true }, where: { id: orderId } });
    if (!order?.subjectId) return;
    if (changesRecord(order.kind)) return this.changes.assertKept(tx, { kind: order.kind, subjectId: order.subjectId, serviceIds: order.serviceIds }, sections);
    const subjectSection = sections.subject;
    if (order.kind !== 'add_service_local' || !subjectSection || typeof subjectSection !== 'object') return;
    const subject = await this.records.subject(tx, order.subjectId);
    if (!subject) return;
    const recorded: Record<string, string> = {
      regionCode: subject.regionCode,
      nature: subject.nature,
      certificateType: subject.certificateType,
      certificateNumber: this.cipher.decrypt(subject.certificateNumber),
    };
    const saved = subjectSection as Record<string, unknown>;
    const changed: FieldError[] = LOCKED_SUBJECT_FIELDS.filter(({ key, same }) => typeof saved[key] !== 'string' || !same(saved[key], recorded[key]!)).map(
      ({ key, message }) => ({ path: `draft.subject.${key}`, code: 'FIELD_LOCKED', message }),
    );
    if (changed.length) throw AppException.validation(changed);
  }
}
