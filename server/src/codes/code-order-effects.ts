import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { DRAFT_SAVED_EFFECTS, type DraftSavedEffect } from '../order-core/draft-saved-effects';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { ORDER_STATUS_EFFECTS, type OrderStatusChange, type OrderStatusEffect } from '../order-core/order-status-effects';
import { RESOURCE_CHECKS, type ResourceCheck } from '../resources/resource-checks';
import { CodeUsage } from './code-usage';
import { FilingCodeEntity } from './filing-code.entity';
import { instancePicks, SameAccountCodes } from './same-account-codes';

/**
 * The 授权码 / 服务码 a draft files with, as a resource check: at submission, before the 管局 and, while the order is at
 * MIIT or the 管局, daily and on a 退费 of the code's server (its owner may be another account).
 */
@Injectable()
@RESOURCE_CHECKS()
export class FilingCodesCheck implements ResourceCheck {
  constructor(private readonly usage: CodeUsage) {}

  findings(tx: EntityManager, accountId: string, draft: DraftTree, orderId: string | null): Promise<FieldError[]> {
    return this.usage.findings(tx, accountId, draft, orderId);
  }

  async standsOn(tx: EntityManager, orderId: string): Promise<boolean> {
    return (await tx.countBy(FilingCodeEntity, { orderId, state: 'reserved' })) > 0;
  }
}

/** An order's codes follow it: reserved by a submission, used by the approval, released when it is withdrawn or expires. */
@Injectable()
@ORDER_STATUS_EFFECTS()
export class FilingCodesOnOrderStatus implements OrderStatusEffect {
  constructor(
    private readonly usage: CodeUsage,
    private readonly drafts: OrderDraftStore,
  ) {}

  async entered(tx: EntityManager, change: OrderStatusChange): Promise<void> {
    if (change.to === 'approved') await this.usage.consume(tx, change.order.id);
    else if (change.to === 'withdrawn' || change.to === 'expired') await this.usage.release(tx, change.order.id);
    else if (change.event === 'submit' || change.event === 'resubmit') await this.usage.reserve(tx, change.order, await this.drafts.load(tx, change.order.id));
  }
}

/** Picking an instance of the account for a service makes its 服务码 (seed 004 L9), when the draft is saved. */
@Injectable()
@DRAFT_SAVED_EFFECTS()
export class SameAccountCodesOnSave implements DraftSavedEffect {
  constructor(private readonly sameAccount: SameAccountCodes) {}

  async saved(tx: EntityManager, orderId: string, sections: DraftTree): Promise<void> {
    // Autosave's hot path: no query unless a service stands on an instance.
    if (!instancePicks(sections).size) return;
    const order = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, ownerId: true, kind: true }, where: { id: orderId } });
    await this.sameAccount.ensure(tx, order, sections);
  }
}
