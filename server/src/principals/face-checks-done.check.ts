import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { PrincipalsService } from './principals.service';

/** Submission check: every distinct principal of the draft has a face check done. */
@Injectable()
@SUBMISSION_CHECKS()
export class FaceChecksDoneCheck implements SubmissionCheck {
  constructor(private readonly principals: PrincipalsService) {}

  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    return this.principals.faceCheckFindings(tx, orderId, draft);
  }
}
