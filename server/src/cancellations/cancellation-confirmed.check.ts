import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { CancellationFlowService } from './cancellation-flow.service';

/** Submission check of 注销 / 取消接入 orders: services still with us, declaration typed, a code entered. */
@Injectable()
@SUBMISSION_CHECKS()
export class CancellationConfirmedCheck implements SubmissionCheck {
  constructor(private readonly flow: CancellationFlowService) {}

  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    return this.flow.findings(tx, orderId, draft);
  }
}
