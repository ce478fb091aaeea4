import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { FilingOrderEntity } from './filing-order.entity';

/** Which finished orders of a subject follow it to another account (迁移备案账号). */
export interface SubjectOrdersMove {
  subjectId: string;
  /** Orders that built the subject without naming it (首次备案, 接入备案 …): its versions' orders. */
  orderIds: string[];
  from: string;
  to: string;
  /** The migration order itself stays with the account that made it. */
  exceptOrderId: string;
}

/** The owner of orders, changed only when the subject they belong to changes account. */
@Injectable()
export class OrderOwnership {
  /** The subject's orders of the old account move to the new one; none is open, so they stay read-only there. */
  async moveSubjectOrders(tx: EntityManager, move: SubjectOrdersMove): Promise<void> {
    const base = { ownerId: move.from, id: Not(move.exceptOrderId) };
    await tx.update(FilingOrderEntity, { ...base, subjectId: move.subjectId }, { ownerId: move.to });
    if (move.orderIds.length)
      await tx.update(FilingOrderEntity, { ...base, id: In(move.orderIds.filter((id) => id !== move.exceptOrderId)) }, { ownerId: move.to });
  }
}
