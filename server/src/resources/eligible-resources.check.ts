import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { ResourceEligibility } from './resource-eligibility.service';

/** Submission check: every instance a service names is the applicant's and can host it now. */
@Injectable()
@SUBMISSION_CHECKS()
export class EligibleResourcesCheck implements SubmissionCheck {
  constructor(private readonly eligibility: ResourceEligibility) {}

  async findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    const order = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, ownerId: true }, where: { id: orderId } });
    return this.eligibility.draftFindings(tx, order.ownerId, draft);
  }
}
