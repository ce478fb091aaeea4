import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { ResourceChecks } from './resource-checks';

/** Submission check: what every service stands on (an instance of the applicant's …) can host it now. */
@Injectable()
@SUBMISSION_CHECKS()
export class EligibleResourcesCheck implements SubmissionCheck {
  constructor(private readonly resources: ResourceChecks) {}

  async findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    const order = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: orderId } });
    return this.resources.findings(tx, order.ownerId, draft, orderId);
  }
}
