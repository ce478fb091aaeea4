import { Injectable } from '@nestjs/common';
import { INITIAL_REJECTION_REASONS, TRANSITION_GUARDS, draftSchema, type FieldError, type OrderRejection, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { ChecksGuards, guardFailed, type GuardChecker, type GuardInput, type GuardedOrder } from '../order-core/transition-guards';
import { AppException } from '../platform/errors/app-exception';
import { roundCalls, unreachableTwiceAnHourApart } from './review-calls.query';
import { roundClaims } from './review-claims.query';

const DRAFT_SECTIONS: ReadonlySet<string> = new Set(Object.keys(draftSchema.shape));

/** The guards on 初审 data: no reviewer has claimed the round (撤回修改), and a rejection gives its reasons. */
@Injectable()
@ChecksGuards(['review_not_started', 'rejection_reasons_given'])
export class ReviewGuards implements GuardChecker {
  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder, input: GuardInput): Promise<void> {
    const row = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, submittedAt: true, createdAt: true }, where: { id: order.id } });
    if (guard === 'review_not_started') {
      if ((await roundClaims(tx, [row])).has(order.id)) throw new AppException('REVIEW_ALREADY_STARTED');
      return;
    }
    if (guard !== 'rejection_reasons_given') throw guardFailed(guard);
    await this.checkRejection(tx, row, input.rejections ?? []);
  }

  /** Every field reason names a draft field with a reason and a suggestion; "unreachable" needs two unreachable calls ≥ 1 h apart. */
  private async checkRejection(
    tx: EntityManager,
    order: Pick<FilingOrderEntity, 'id' | 'submittedAt' | 'createdAt'>,
    reasons: readonly OrderRejection[],
  ): Promise<void> {
    const fields: FieldError[] = [];
    if (!reasons.length) fields.push({ path: 'reasons', code: 'REQUIRED', message: '请至少填写一条驳回原因' });
    reasons.forEach((r, i) => {
      if (r.kind === 'unreachable') return;
      if (!r.path || !DRAFT_SECTIONS.has(r.path.split('.')[0] ?? ''))
        fields.push({ path: `reasons.${i}.path`, code: 'PATH_INVALID', message: '请选择要驳回的字段' });
      if (!r.reason) fields.push({ path: `reasons.${i}.reason`, code: 'REQUIRED', message: '请填写驳回原因' });
      if (!r.suggestion) fields.push({ path: `reasons.${i}.suggestion`, code: 'REQUIRED', message: '请填写修改建议' });
    });
    const unreachable = reasons.findIndex((r) => r.kind === 'unreachable');
    if (unreachable >= 0 && !unreachableTwiceAnHourApart(await roundCalls(tx, order))) {
      fields.push({ path: `reasons.${unreachable}`, code: 'UNREACHABLE_NOT_ALLOWED', message: INITIAL_REJECTION_REASONS.unreachable.requires });
    }
    if (fields.length) throw new AppException('REJECTION_REASONS_REQUIRED', fields, undefined, TRANSITION_GUARDS.rejection_reasons_given.message);
  }
}
