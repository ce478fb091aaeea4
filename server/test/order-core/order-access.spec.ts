import type { OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { OrderAccess } from '../../src/order-core/order-access';
import { AppException } from '../../src/platform/errors/app-exception';

function orderOf(ownerId: string, status: OrderState): FilingOrderEntity {
  return { id: 'order-1', ownerId, status } as FilingOrderEntity;
}

/** A transaction that knows one order (or none). */
function txWith(order: FilingOrderEntity | null): EntityManager {
  return { findOneBy: jest.fn().mockResolvedValue(order) } as unknown as EntityManager;
}

async function codeOf(pending: Promise<unknown>): Promise<string | null> {
  try {
    await pending;
    return null;
  } catch (error) {
    if (error instanceof AppException) return error.code;
    throw error;
  }
}

describe('OrderAccess', () => {
  const access = new OrderAccess();
  const applicant = { id: 'applicant-1', roles: ['applicant' as const] };

  it('should answer the order when the caller owns it', async () => {
    const order = orderOf('applicant-1', 'draft');

    await expect(access.owned(txWith(order), applicant, 'order-1')).resolves.toBe(order);
  });

  it('should answer ORDER_NOT_FOUND when the order belongs to another account', async () => {
    expect(await codeOf(access.owned(txWith(orderOf('someone-else', 'draft')), applicant, 'order-1'))).toBe('ORDER_NOT_FOUND');
  });

  it('should answer ORDER_NOT_FOUND when the order does not exist', async () => {
    expect(await codeOf(access.owned(txWith(null), applicant, 'order-1'))).toBe('ORDER_NOT_FOUND');
  });

  it('should answer ORDER_NOT_EDITABLE when the caller owns an order waiting for review', async () => {
    expect(await codeOf(access.editable(txWith(orderOf('applicant-1', 'pending_initial_review')), applicant, 'order-1'))).toBe('ORDER_NOT_EDITABLE');
  });

  it('should answer the order when the caller owns a rejected order', async () => {
    const order = orderOf('applicant-1', 'initial_review_rejected');

    await expect(access.editable(txWith(order), applicant, 'order-1')).resolves.toBe(order);
  });

  it('should let a reviewer read another account’s order', async () => {
    const order = orderOf('applicant-1', 'pending_initial_review');

    await expect(access.readable(txWith(order), { id: 'reviewer-1', roles: ['reviewer'] }, 'order-1')).resolves.toBe(order);
  });

  it('should refuse an applicant reading another account’s order', async () => {
    expect(await codeOf(access.readable(txWith(orderOf('applicant-2', 'draft')), applicant, 'order-1'))).toBe('ORDER_NOT_FOUND');
  });
});
