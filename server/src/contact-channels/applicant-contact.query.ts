import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { DatabaseService } from '../platform/database/database.service';

/** The applicant's contact of an order: the 主体负责人's mobile and e-mail in the draft (decrypted to send, never logged). */
export interface ApplicantContact {
  mobile: string | null;
  email: string | null;
}

const filled = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

@Injectable()
export class ApplicantContactQuery {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
  ) {}

  /**
   * The applicant's contact of each message's order, by order id, in two reads for all; absent when the message is
   * not the applicant's own (a principal's message) or the order is gone.
   */
  async ofAll(messages: { orderId: string; userId: string }[]): Promise<Map<string, ApplicantContact>> {
    const orderIds = [...new Set(messages.map((m) => m.orderId))];
    if (!orderIds.length) return new Map();
    const orders = await this.db.manager.find(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: In(orderIds) } });
    const owners = new Map(orders.map((o) => [o.id, o.ownerId]));
    const principals = await this.drafts.loadSection(
      this.db.manager,
      orders.map((o) => o.id),
      'subjectPrincipal',
    );
    const contacts = new Map<string, ApplicantContact>();
    for (const { orderId, userId } of messages) {
      if (owners.get(orderId) !== userId) continue;
      const principal = principals.get(orderId) as Record<string, unknown> | undefined;
      contacts.set(orderId, { mobile: filled(principal?.mobile), email: filled(principal?.email) });
    }
    return contacts;
  }
}
