import { Injectable } from '@nestjs/common';
import { isTerminal, ORDER_STATE_KEYS, type InFlightOrders } from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { DatabaseService } from '../platform/database/database.service';

/** Neither finished nor abandoned. */
export const OPEN_ORDER_STATES = ORDER_STATE_KEYS.filter((state) => !isTerminal(state));

/** Whose orders an in-flight count is about: the account, and the subject by certificate index or record id. */
export interface InFlightScope {
  ownerId: string;
  subjectIndex: string | null;
  subjectId: string | null;
}

/**
 * One order in flight per account and per subject across all accounts (shared rule `inFlightOrderFindings`):
 * counted when an order is created, and by the pre-check (so at submission too) once the draft names its subject.
 */
@Injectable()
export class InFlightOrdersCheck {
  constructor(private readonly db: DatabaseService) {}

  async counts(tx: EntityManager, scope: InFlightScope): Promise<InFlightOrders> {
    const open = { status: In(OPEN_ORDER_STATES) };
    const subjectWhere = [
      ...(scope.subjectIndex ? [{ ...open, subjectIndex: scope.subjectIndex }] : []),
      ...(scope.subjectId ? [{ ...open, subjectId: scope.subjectId }] : []),
    ];
    return {
      openOrdersOfAccount: await tx.count(FilingOrderEntity, { where: { ...open, ownerId: scope.ownerId } }),
      openOrdersOfSubject: subjectWhere.length ? await tx.count(FilingOrderEntity, { where: subjectWhere }) : 0,
    };
  }

  /** The other open orders of an order's account and subject, in one statement (the pre-check runs on every autosave). */
  async countsFor(tx: EntityManager, orderId: string): Promise<InFlightOrders> {
    const states = OPEN_ORDER_STATES.map(() => '?').join(', ');
    const [row] = await this.db.rows<{ account: number | string | null; subject: number | string | null }>(
      `SELECT SUM(CASE WHEN o.owner_id = me.owner_id THEN 1 ELSE 0 END) AS account,
              SUM(CASE WHEN o.subject_index = me.subject_index OR o.subject_id = me.subject_id THEN 1 ELSE 0 END) AS subject
         FROM filing_orders o JOIN filing_orders me ON me.id = ?
        WHERE o.id <> me.id AND o.status IN (${states})
          AND (o.owner_id = me.owner_id OR o.subject_index = me.subject_index OR o.subject_id = me.subject_id)`,
      [orderId, ...OPEN_ORDER_STATES],
      tx,
    );
    return { openOrdersOfAccount: Number(row?.account ?? 0), openOrdersOfSubject: Number(row?.subject ?? 0) };
  }
}
