import {
  formatChinaTime,
  PROGRESS_MESSAGES,
  WORKFLOW_TIMINGS,
  nextStepText,
  statusLabel,
  type OrderEvent,
  type OrderKind,
  type OrderState,
  type ProgressMessageType,
} from '@beian/shared';

/** The `order.status_changed` outbox payload written by the order state machine. */
export interface StatusChangedPayload {
  orderId: string;
  kind: OrderKind;
  from: OrderState;
  to: OrderState;
  event: OrderEvent;
  reason: string | null;
  /** ICP numbers, when the event carries them (管局 approval). */
  numbers?: string[];
}

export interface ComposedMessage {
  title: string;
  body: string;
  status: string;
}

/** Title and body of a progress message, with the details its definition asks for (reasons, deadline, numbers). */
export function composeProgressMessage(type: ProgressMessageType, change: StatusChangedPayload, at: Date): ComposedMessage {
  const definition = PROGRESS_MESSAGES[type];
  const details: readonly string[] = definition.details;
  const lines: string[] = [];
  if (details.includes('reasons') && change.reason) lines.push(`原因：${change.reason}`);
  if (details.includes('numbers') && change.numbers?.length) lines.push(`备案号：${change.numbers.join('、')}`);
  if (details.includes('deadline') && type === 'sms_verification_required') {
    const deadline = new Date(at.getTime() + WORKFLOW_TIMINGS.SMS_VALIDITY.value * 3600_000);
    lines.push(`请在 ${formatChinaTime(deadline)} 前完成核验。`);
  }
  lines.push(nextStepText(change.to, change.kind));
  return { title: definition.title, body: lines.join('\n'), status: statusLabel(change.to, change.kind) };
}
