import { Injectable } from '@nestjs/common';
import { inFlightOrderFindings, isTerminal, ORDER_STATE_KEYS, type FieldError, type InFlightOrders } from '@beian/shared';
import { In, Not, type EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';

/** Neither finished nor abandoned. */
export const OPEN_ORDER_STATES = ORDER_STATE_KEYS.filter((state) => !isTerminal(state));

/** Whose orders an in-flight count is about: the account, and the subject by certificate index or record id. */
export interface InFlightScope {
  ownerId: string;
  subjectIndex: string | null;
  subjectId: string | null;
  /** The order being checked, left out of the counts. */
  exceptOrderId?: string;
}

/**
 * One order in flight per account and per subject across all accounts (shared rule `inFlightOrderFindings`):
 * counted when an order is created and checked again at submission, when the draft has named its subject.
 */
@Injectable()
@SUBMISSION_CHECKS()
export class InFlightOrdersCheck implements SubmissionCheck {
  async counts(tx: EntityManager, scope: InFlightScope): Promise<InFlightOrders> {
    const open = { status: In(OPEN_ORDER_STATES), ...(scope.exceptOrderId ? { id: Not(scope.exceptOrderId) } : {}) };
    const subjectWhere = [
      ...(scope.subjectIndex ? [{ ...open, subjectIndex: scope.subjectIndex }] : []),
      ...(scope.subjectId ? [{ ...open, subjectId: scope.subjectId }] : []),
    ];
    return {
      openOrdersOfAccount: await tx.count(FilingOrderEntity, { where: { ...open, ownerId: scope.ownerId } }),
      openOrdersOfSubject: subjectWhere.length ? await tx.count(FilingOrderEntity, { where: subjectWhere }) : 0,
    };
  }

  async findings(tx: EntityManager, orderId: string): Promise<FieldError[]> {
    const order = await tx.findOne(FilingOrderEntity, { select: { ownerId: true, subjectIndex: true, subjectId: true }, where: { id: orderId } });
    if (!order) return [];
    const counts = await this.counts(tx, { ...order, exceptOrderId: orderId });
    return inFlightOrderFindings(counts).map(({ path, code, message }) => ({ path, code, message }));
  }
}
