import { DAY_MS, ORDER_KINDS, ORDER_STATES, WORKFLOW_TIMINGS, INACTIVITY_REMINDERS, type OrderKind, type OrderState } from '@beian/shared';
import type { JobRequest } from '../jobs/job-scheduler';

/** Job types the order workflow schedules; their handlers live with the module that does the work. */
export const ORDER_JOB = {
  /** Checks a user-waiting state for inactivity: reminders at 7/15/30 days, `expire` at 45. */
  inactivity: 'order.inactivity',
  /** Hands an order waiting in `pending_regulator_submission` to the regulator port. */
  regulatorSubmit: 'regulator.submit',
  /** Reminds the applicant of the public-security filing before its 30-day window closes. */
  publicSecurityReminder: 'order.public_security_reminder',
  /** Asks the 公安 platform for the data code of an authorised order once it is approved. */
  publicSecurityDataCode: 'order.public_security_data_code',
} as const;

export interface InactivityJobPayload {
  orderId: string;
  /** The history row that entered the waiting state; a later move makes the job moot. */
  historyId: string;
}

/** 公安联网备案 must be done within 30 days of going live; the reminder comes a week before the window closes. */
const PUBLIC_SECURITY_REMINDER_LEAD_DAYS = 7;

export function firstInactivityCheckAt(from: Date): Date {
  const first = INACTIVITY_REMINDERS.days[0] ?? WORKFLOW_TIMINGS.INACTIVITY_EXPIRY.value;
  return new Date(from.getTime() + first * DAY_MS);
}

export function publicSecurityDeadline(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + WORKFLOW_TIMINGS.PUBLIC_SECURITY_FILING_WINDOW.value * DAY_MS);
}

/** The jobs an order's arrival in state `to` (through history row `historyId`) starts. */
export function jobsOnEntering(order: { id: string; kind: OrderKind }, to: OrderState, historyId: string, now: Date): JobRequest[] {
  const jobs: JobRequest[] = [];
  if (ORDER_STATES[to].expiresWhenInactive) {
    const payload: InactivityJobPayload = { orderId: order.id, historyId };
    jobs.push({
      type: ORDER_JOB.inactivity,
      payload: { ...payload },
      dueAt: firstInactivityCheckAt(now),
      dedupeKey: `${ORDER_JOB.inactivity}:${order.id}:${historyId}`,
    });
  }
  if (to === 'pending_regulator_submission') {
    jobs.push({
      type: ORDER_JOB.regulatorSubmit,
      payload: { orderId: order.id, historyId },
      dueAt: now,
      dedupeKey: `${ORDER_JOB.regulatorSubmit}:${order.id}:${historyId}`,
    });
  }
  if (to === 'approved' && ORDER_KINDS[order.kind].publicSecurityDataCode) {
    const dueAt = new Date(publicSecurityDeadline(now).getTime() - PUBLIC_SECURITY_REMINDER_LEAD_DAYS * DAY_MS);
    jobs.push({
      type: ORDER_JOB.publicSecurityReminder,
      payload: { orderId: order.id, approvedAt: now.toISOString() },
      dueAt,
      dedupeKey: `${ORDER_JOB.publicSecurityReminder}:${order.id}`,
    });
    jobs.push({
      type: ORDER_JOB.publicSecurityDataCode,
      payload: { orderId: order.id },
      dueAt: now,
      dedupeKey: `${ORDER_JOB.publicSecurityDataCode}:${order.id}`,
    });
  }
  return jobs;
}
