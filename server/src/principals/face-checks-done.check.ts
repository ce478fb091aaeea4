import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { FaceChecksService } from './face-checks.service';

/** Submission check: every distinct principal of the draft has a face check done. */
@Injectable()
@SUBMISSION_CHECKS()
export class FaceChecksDoneCheck implements SubmissionCheck {
  constructor(private readonly faceChecks: FaceChecksService) {}

  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    return this.faceChecks.faceCheckFindings(tx, orderId, draft);
  }
}
