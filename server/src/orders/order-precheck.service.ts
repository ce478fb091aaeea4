import { Injectable } from '@nestjs/common';
import { precheck, validateDraftForSubmit, type PrecheckResponse, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { SubmissionChecks } from '../order-core/submission-checks';
import { ChecksGuards, type GuardChecker, type GuardedOrder } from '../order-core/transition-guards';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';

type CheckedOrder = Pick<FilingOrderEntity, 'id' | 'kind' | 'subjectType' | 'serviceType'>;

/**
 * Everything that would stop a submission: the draft's own checks (formats, required fields, rules) and what only
 * the server knows, asked of every registered submission check. Also the `precheck_passed` guard.
 */
@Injectable()
@ChecksGuards(['precheck_passed'])
export class OrderPrecheck implements GuardChecker {
  constructor(
    private readonly drafts: OrderDraftStore,
    private readonly submissionChecks: SubmissionChecks,
    private readonly clock: Clock,
  ) {}

  async run(tx: EntityManager, order: CheckedOrder, draft: DraftTree): Promise<PrecheckResponse> {
    const ctx = { kind: order.kind, subjectType: order.subjectType, serviceType: order.serviceType, now: this.clock.now() };
    const fields = validateDraftForSubmit(draft, ctx);
    const serverFields = await this.submissionChecks.findings(tx, order.id, draft);
    const known = new Set(fields.map((f) => f.path));
    return { fields: [...fields, ...serverFields.filter((f) => !known.has(f.path))], findings: precheck(draft, ctx) };
  }

  async check(_guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const full = await tx.findOneByOrFail(FilingOrderEntity, { id: order.id });
    const { fields, findings } = await this.run(tx, full, await this.drafts.load(tx, order.id));
    if (fields.length) throw AppException.validation(fields);
    const blocking = findings.filter((f) => f.severity === 'error');
    if (blocking.length)
      throw new AppException(
        'PRECHECK_FAILED',
        blocking.map(({ path, code, message }) => ({ path, code, message })),
        { findings },
      );
  }
}
