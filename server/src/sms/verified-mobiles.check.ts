import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { SmsService } from './sms.service';

/** Submission check: every principal mobile in the draft was proven by SMS code for this order. */
@Injectable()
@SUBMISSION_CHECKS()
export class VerifiedMobilesCheck implements SubmissionCheck {
  constructor(private readonly sms: SmsService) {}

  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    return this.sms.mobileFindings(tx, orderId, draft);
  }
}
