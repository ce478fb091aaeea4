import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovedOrder } from '../order-core/order-approval.port';
import type { DraftTree } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { RecordSealer } from './record-sealer';
import { FilingRecordStore } from './filing-record.store';
import { orderServiceIds, type GroupRecordEffect } from './group-record.effect';
import { draftServices, serviceFields, subjectChanges } from './record-from-draft';

/**
 * 变更备案 / 变更服务 approved: the record takes the order's values; every number stays. 变更备案 also changes the
 * subject (its province and number stay locked); 变更服务 changes only the chosen services.
 */
@Injectable()
export class ChangeEffect implements GroupRecordEffect {
  constructor(
    private readonly store: FilingRecordStore,
    private readonly cipher: FieldCipher,
    private readonly sealer: RecordSealer,
  ) {}

  async apply(tx: EntityManager, { order, draft, at }: ApprovedOrder): Promise<void> {
    const subjectId = order.subjectId;
    if (!subjectId) throw new Error(`approved ${order.kind} order ${order.id} has no subject`);
    if (!(await this.store.lockSubject(tx, subjectId))) throw new Error(`approved order ${order.id} names a missing subject ${subjectId}`);
    // The order's services in draft order (websites, then APPs, as the draft was copied from the record).
    const serviceIds = orderServiceIds(order);
    if (order.kind === 'change_filing') await this.store.updateSubject(tx, subjectId, this.subjectValues(draft), at);
    const services = draftServices(draft);
    if (services.length !== serviceIds.length) throw new Error(`approved order ${order.id} has ${services.length} services for ${serviceIds.length} chosen`);
    for (const [index, { type, section }] of services.entries()) {
      await this.store.updateService(tx, serviceIds[index]!, serviceFields(type, section, this.sealer), at);
    }
  }

  private subjectValues(draft: DraftTree) {
    const subject = (draft.subject ?? {}) as Record<string, unknown>;
    const certificateNumber = String(subject.certificateNumber ?? '');
    return {
      ...subjectChanges(draft, this.sealer),
      regionCode: String(subject.regionCode),
      nature: String(subject.nature),
      certificateType: String(subject.certificateType),
      certificateNumber: this.cipher.encrypt(certificateNumber),
      certificateIndex: this.cipher.blindIndex(certificateNumber),
    };
  }
}
