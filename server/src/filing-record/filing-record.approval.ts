import { Injectable } from '@nestjs/common';
import { ORDER_KINDS, type FilingSubjectOrigin, type OrderKind, type OrderKindGroup } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { ORDER_APPROVAL_EFFECT, type ApprovalOutcome, type ApprovedOrder, type OrderApprovalEffect } from '../order-core/order-approval.port';
import type { DraftTree } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { CancelAccessEffect } from './cancel-access.effect';
import { CancelEffect } from './cancel.effect';
import { ChangeEffect } from './change.effect';
import { MigrationEffect } from './migration.effect';
import { RecordSealer } from './record-sealer';
import { FilingRecordStore, SUBJECT_STATES_WITH_US } from './filing-record.store';
import { orderServiceIds, type GroupRecordEffect } from './group-record.effect';
import { servicesFromDraft, subjectChanges, subjectFromDraft } from './record-from-draft';

/**
 * Where a subject created by an approval comes from. 新增服务（本平台）creates one only for an order approved before
 * the record existed whose subject is not in it (FilingRecordBackfill).
 */
const ORIGIN_OF: Partial<Record<OrderKind, FilingSubjectOrigin>> = {
  first_filing: 'here',
  add_service_local: 'here',
  access_filing: 'access',
  add_service_remote: 'registry',
};

/**
 * An approval's effect on the record, in the approval's transaction: 首次备案, 接入备案 and 新增服务（外平台）create the
 * subject (or bring back the one with that number) and add their services with our access from today; 新增服务（本平台）
 * adds services under the order's subject and takes the subject fields the applicant could change. Every approval
 * writes one version (before/after).
 */
@Injectable()
@ORDER_APPROVAL_EFFECT()
export class FilingRecordApproval implements OrderApprovalEffect {
  /** The record effect of each post-approval group; a group without one only records a version. */
  private readonly groupEffects: Partial<Record<OrderKindGroup, GroupRecordEffect>>;

  constructor(
    private readonly store: FilingRecordStore,
    private readonly cipher: FieldCipher,
    private readonly sealer: RecordSealer,
    cancel: CancelEffect,
    cancelAccess: CancelAccessEffect,
    change: ChangeEffect,
    migration: MigrationEffect,
  ) {
    this.groupEffects = { cancel, cancel_access: cancelAccess, change, migration };
  }

  async apply(tx: EntityManager, approved: ApprovedOrder): Promise<ApprovalOutcome> {
    const { order, draft, numbers, at } = approved;
    if (ORDER_KINDS[order.kind].group !== 'filing') return this.onRecord(tx, approved);
    const [subjectNumber, ...serviceNumbers] = numbers;
    if (!subjectNumber) throw new Error(`approval of ${order.kind} order ${order.id} without a subject number`);
    const existingId = order.kind === 'add_service_local' ? order.subjectId : ((await this.store.subjectByNumber(tx, subjectNumber))?.id ?? null);
    const before = existingId ? await this.store.snapshot(tx, existingId, []) : null;
    const subjectId = existingId ? await this.updateSubject(tx, existingId, order, draft, at) : await this.createSubject(tx, order, draft, subjectNumber, at);
    const services = servicesFromDraft(draft, subjectId, serviceNumbers, this.sealer, at);
    await this.store.insertServices(tx, subjectId, services, at);
    const after = await this.store.snapshot(
      tx,
      subjectId,
      services.map((s) => s.service.id),
    );
    await this.store.insertVersion(tx, { subjectId, orderId: order.id, kind: order.kind, before, after: after!, createdAt: at });
    return { subjectId };
  }

  private async createSubject(tx: EntityManager, order: ApprovedOrder['order'], draft: DraftTree, subjectIcpNumber: string, at: Date): Promise<string> {
    const origin = ORIGIN_OF[order.kind];
    if (!origin) throw new Error(`a ${order.kind} approval does not create a subject`);
    const certificateNumber = String((draft.subject as { certificateNumber?: unknown } | undefined)?.certificateNumber ?? '');
    if (!certificateNumber) throw new Error(`approved order ${order.id} has no subject certificate number`);
    const subject = subjectFromDraft(
      draft,
      {
        ownerId: order.ownerId,
        subjectIcpNumber,
        certificateNumber: this.cipher.encrypt(certificateNumber),
        certificateIndex: this.cipher.blindIndex(certificateNumber),
        origin,
        at,
      },
      this.sealer,
    );
    await this.store.insertSubject(tx, subject);
    return subject.id;
  }

  /**
   * 新增服务（本平台）takes the subject fields the applicant could change; a subject that had left us (接入 again,
   * 新增服务 under a number filed elsewhere) comes back active with the order's account as owner.
   */
  private async updateSubject(tx: EntityManager, subjectId: string, order: ApprovedOrder['order'], draft: DraftTree, at: Date): Promise<string> {
    const subject = await this.store.lockSubject(tx, subjectId);
    if (!subject) throw new Error(`approved order ${order.id} names a missing subject ${subjectId}`);
    const returning = !SUBJECT_STATES_WITH_US.includes(subject.state);
    if (order.kind === 'add_service_local' || returning) {
      await this.store.updateSubject(tx, subjectId, { ...subjectChanges(draft, this.sealer), ...(returning ? { ownerId: order.ownerId } : {}) }, at);
    }
    if (subject.state !== 'active') await this.store.setSubjectState(tx, subjectId, 'active', at);
    return subjectId;
  }

  /** Kinds acting on the record (变更, 注销, 取消接入, 迁移): their group's effect, between a version's before and after. */
  /** A post-approval group's effect; answers the keys of the services it ended (注销, 取消接入), whose places come back. */
  private async onRecord(tx: EntityManager, approved: ApprovedOrder): Promise<ApprovalOutcome> {
    const { order, at } = approved;
    if (!order.subjectId) return { subjectId: null };
    const serviceIds = orderServiceIds(order);
    const before = await this.store.snapshot(tx, order.subjectId, serviceIds);
    const activeBefore = await this.store.servicesOfSubjects(tx, [order.subjectId], ['active']);
    await this.groupEffects[ORDER_KINDS[order.kind].group]?.apply(tx, approved);
    const stillActive = new Set((await this.store.servicesOfSubjects(tx, [order.subjectId], ['active'])).map((service) => service.id));
    const after = await this.store.snapshot(tx, order.subjectId, serviceIds);
    if (after) await this.store.insertVersion(tx, { subjectId: order.subjectId, orderId: order.id, kind: order.kind, before, after, createdAt: at });
    const ended = activeBefore.filter((service) => !stillActive.has(service.id)).map((service) => service.id);
    return { subjectId: order.subjectId, endedServiceKeys: await this.store.serviceKeysOf(tx, ended) };
  }
}
