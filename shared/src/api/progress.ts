import type { SmsRecipientRole } from '../workflow/order-kinds.table';
import type { WorkflowActor } from '../workflow/workflow-actors';
import type { TimelineEntry } from './timeline';

/** One MIIT verification SMS of the order, as the applicant's progress page shows it. */
export interface SmsRecipientProgress {
  recipientMasked: string;
  /** The principal roles this mobile answers for (one SMS per mobile). */
  roles: SmsRecipientRole[];
  status: 'pending' | 'verified' | 'failed' | 'expired';
  /** When the current code expires; `null` once verified or between expiry and the noon re-send. */
  deadline: string | null;
  /** Wrong codes still tolerated: 5 in total; a wrong code with 0 left fails the verification. */
  triesLeft: number;
}

/**
 * GET /api/orders/:id/progress. Answers with an `ETag`; poll with `If-None-Match` and get 304 while nothing
 * changed (mini-programs have no EventSource).
 */
export interface OrderProgress {
  orderId: string;
  status: string;
  statusLabel: string;
  nextStep: string;
  whoseMove: WorkflowActor | null;
  /** What the user must do by when (SMS validity, 45-day expiry), if anything. */
  deadline?: string;
  timeline: TimelineEntry[];
  sms: SmsRecipientProgress[];
  /** Remaining working days until the 管局's answer, from the published durations. */
  estimate: { minWorkingDays: number; maxWorkingDays: number };
  /** ICP numbers once approved: the subject number first, then the services'. */
  numbers?: string[];
  /** What the applicant may do to the order now: 撤回修改 (before a reviewer claims it) and 撤销订单. */
  applicantActions: ApplicantOrderAction[];
  /** The server's time of this answer: the page counts down to `deadline` from it, never from the device's clock, which may be wrong. */
  now: string;
}

export type ApplicantOrderAction = 'pull_back' | 'withdraw';
