import { Injectable } from '@nestjs/common';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { SUBMISSION_CHECKS, type SubmissionCheck } from '../order-core/submission-checks';
import { MaterialsService } from './materials.service';

/** Submission check: every file the draft names was uploaded, confirmed and belongs to the order. */
@Injectable()
@SUBMISSION_CHECKS()
export class UploadedFilesCheck implements SubmissionCheck {
  constructor(private readonly materials: MaterialsService) {}

  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    return this.materials.findingsForDraft(tx, orderId, draft);
  }
}
