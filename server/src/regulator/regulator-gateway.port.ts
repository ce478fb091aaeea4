import type { OrderKind, OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';

export interface RegulatorSubmission {
  orderId: string;
  kind: OrderKind;
  subjectType: 'personal' | 'unit';
  serviceType: 'website' | 'app';
  /** The filing data, personal data in clear (the 管局 needs it). */
  draft: DraftTree;
  /** 变更: the approved record the draft changes (same shape as the draft), so that MIIT texts only the principals whose part changed. */
  record: DraftTree | null;
  /** Identifies this submission (the history row of `submit_to_regulator`); a resubmission gets a new one. */
  submissionId: string;
  /** `sms_verification` or `regulator_review`, by the kind's flow. */
  enters: OrderState;
  at: Date;
}

/**
 * The MIIT/管局 side. `submit` runs in the transaction that moves the order to the regulator, so it records its
 * intent (rows, jobs) transactionally and contacts the outside world from jobs. What the regulator answers later
 * (SMS resent/verified/failed/timed out, approval with numbers, rejection with reasons) reaches the order through
 * `RegulatorEventsService`, whatever the adapter.
 */
export abstract class RegulatorGateway {
  abstract submit(tx: EntityManager, submission: RegulatorSubmission): Promise<void>;
  /**
   * The provider takes a submission back from MIIT / the 管局 (the applicant withdrew the order, or what it stands on
   * lapsed): its pending SMS codes and review end. Runs in the transaction that moves the order away.
   */
  abstract withdraw(tx: EntityManager, submission: { orderId: string; submissionId: string }): Promise<void>;
}
