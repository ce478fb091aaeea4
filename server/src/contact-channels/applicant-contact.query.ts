import { Injectable } from '@nestjs/common';
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

  /** Null when the message is not the applicant's own (a principal's message) or the order is gone. */
  async of(orderId: string, userId: string): Promise<ApplicantContact | null> {
    const order = await this.db.manager.findOne(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: orderId } });
    if (!order || order.ownerId !== userId) return null;
    const principal = (await this.drafts.loadSection(this.db.manager, [orderId], 'subjectPrincipal')).get(orderId) as Record<string, unknown> | undefined;
    return { mobile: filled(principal?.mobile), email: filled(principal?.email) };
  }
}
