import { Injectable } from '@nestjs/common';
import { applicantEditScope, draftSchema, type OrderRejection, type OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { AppException } from '../platform/errors/app-exception';
import { ReviewDecisionEntity } from './review-decision.entity';
import { changedPaths, isWithin } from './draft-paths.util';
import type { DraftTree } from './order-draft.store';

const DRAFT_SECTIONS: ReadonlySet<string> = new Set(Object.keys(draftSchema.shape));

/**
 * While an order is returned with rejected fields (初审驳回, or 资源失效退回 when its resource lapsed) the applicant changes
 * only the rejected fields and those they reopened; every other field keeps the value the reviewer saw.
 */
@Injectable()
export class OrderFieldLock {
  async lastDecision(tx: EntityManager, orderId: string): Promise<ReviewDecisionEntity | null> {
    return tx.findOne(ReviewDecisionEntity, { where: { orderId }, order: { id: 'DESC' } });
  }

  /** The reasons of the rejection the applicant is answering; empty in any other state. */
  async rejections(tx: EntityManager, order: { id: string; status: OrderState }): Promise<OrderRejection[]> {
    if (applicantEditScope(order.status) !== 'rejected_fields') return [];
    const decision = await this.lastDecision(tx, order.id);
    return decision?.decision === 'reject' ? (JSON.parse(decision.reasons) as OrderRejection[]) : [];
  }

  /** Paths the applicant may change now; `null` when the state has no field lock. */
  async editablePaths(tx: EntityManager, order: { id: string; status: OrderState }): Promise<string[] | null> {
    if (applicantEditScope(order.status) !== 'rejected_fields') return null;
    const decision = await this.lastDecision(tx, order.id);
    if (decision?.decision !== 'reject') return [];
    const rejected = (JSON.parse(decision.reasons) as OrderRejection[]).flatMap((r) => (r.path ? [r.path] : []));
    return [...new Set([...rejected, ...(JSON.parse(decision.reopenedPaths) as string[])])];
  }

  /** Refuses a save that changes a locked field: 422 FIELD_LOCKED naming the first such path. */
  assertOnlyEditable(stored: DraftTree, sections: DraftTree, editable: readonly string[]): void {
    for (const [section, value] of Object.entries(sections)) {
      const locked = changedPaths(stored[section], value, section).find((path) => !isWithin(path, editable));
      if (locked !== undefined) {
        throw new AppException(
          'FIELD_LOCKED',
          [{ path: `draft.${locked}`, code: 'FIELD_LOCKED', message: '该内容未被驳回，不能修改；如需修改，请先重新打开该项' }],
          { path: locked },
        );
      }
    }
  }

  /** Unlocks more fields of a rejected order; they go back to the reviewer with the rest of the changes. */
  async reopen(tx: EntityManager, order: { id: string; status: OrderState }, paths: string[]): Promise<string[]> {
    if (applicantEditScope(order.status) !== 'rejected_fields') throw new AppException('ORDER_NOT_EDITABLE');
    const unknown = paths.find((path) => !DRAFT_SECTIONS.has(path.split('.')[0] ?? ''));
    if (unknown !== undefined)
      throw new AppException('FIELD_NOT_REJECTED', [{ path: unknown, code: 'FIELD_NOT_REJECTED', message: '只能重新打开订单中的字段，请检查字段路径' }]);
    const decision = await this.lastDecision(tx, order.id);
    if (decision?.decision !== 'reject') throw new AppException('ORDER_NOT_EDITABLE');
    const reopened = [...new Set([...(JSON.parse(decision.reopenedPaths) as string[]), ...paths])];
    await tx.update(ReviewDecisionEntity, { id: decision.id }, { reopenedPaths: JSON.stringify(reopened) });
    return (await this.editablePaths(tx, order)) ?? [];
  }
}
