import { Injectable } from '@nestjs/common';
import { isEditableByApplicant, type Role } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { AppException } from '../platform/errors/app-exception';
import { FilingOrderEntity } from './filing-order.entity';

/** Who asks: an account id, with its roles when staff may read orders that are not theirs. */
export interface OrderCaller {
  id: string;
  roles?: readonly Role[];
}

/** Staff roles that read any order (review console, support). */
const READING_ROLES: readonly Role[] = ['reviewer', 'admin'];

/**
 * The one answer to "is this the caller's order, and may it still be changed": another account's order answers
 * 404 ORDER_NOT_FOUND, as if it did not exist; an order the applicant can no longer edit answers ORDER_NOT_EDITABLE.
 */
@Injectable()
export class OrderAccess {
  /** The caller's own order. */
  async owned(tx: EntityManager, caller: OrderCaller, orderId: string): Promise<FilingOrderEntity> {
    const order = await tx.findOneBy(FilingOrderEntity, { id: orderId });
    if (!order || order.ownerId !== caller.id) throw new AppException('ORDER_NOT_FOUND');
    return order;
  }

  /** The caller's own order while its state lets the applicant change it. */
  async editable(tx: EntityManager, caller: OrderCaller, orderId: string): Promise<FilingOrderEntity> {
    const order = await this.owned(tx, caller, orderId);
    this.assertEditable(order);
    return order;
  }

  /** Any order for staff holding a reading role; otherwise the caller's own. */
  async readable(tx: EntityManager, caller: OrderCaller, orderId: string): Promise<FilingOrderEntity> {
    if (!caller.roles?.some((role) => READING_ROLES.includes(role))) return this.owned(tx, caller, orderId);
    return this.existing(tx, orderId);
  }

  /** An order by id, for staff endpoints whose role guard already decided who may call. */
  async existing(tx: EntityManager, orderId: string): Promise<FilingOrderEntity> {
    const order = await tx.findOneBy(FilingOrderEntity, { id: orderId });
    if (!order) throw new AppException('ORDER_NOT_FOUND');
    return order;
  }

  /** For an order reached another way (an invitation): refuses it once the applicant can no longer edit it. */
  assertEditable(order: Pick<FilingOrderEntity, 'status'>): void {
    if (!isEditableByApplicant(order.status)) throw new AppException('ORDER_NOT_EDITABLE');
  }
}
