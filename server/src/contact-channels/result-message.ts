import { isProgressMessageType, RESULT_TEMPLATES, type ResultTemplate, type ResultTemplateValues } from '@beian/shared';
import type { MessageEntity } from '../notifications/message.entity';

/** The template of a progress message type, if it is one. */
export function resultTemplate(message: MessageEntity): ResultTemplate | null {
  return isProgressMessageType(message.type) ? RESULT_TEMPLATES[message.type] : null;
}

export function templateValues(message: MessageEntity, status: string): ResultTemplateValues {
  return { order: (message.orderId ?? '').replace(/-/g, ''), body: message.body.replace(/\s*\n\s*/g, ' '), status };
}
