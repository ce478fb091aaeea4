import { VALIDATION_MESSAGES, type ValidationCode } from '../validate/codes';

/** Codes raised by the schemas themselves (shape and choices), beside the validators' codes. */
export const SCHEMA_MESSAGES = {
  INVALID_TYPE: '填写的内容格式不正确，请重新填写',
  OPTION_INVALID: '请从列表中选择一项',
  TOO_MANY_ITEMS: '数量超出上限，请删除多余的项',
  TEXT_TOO_LONG: '内容过长，请精简后重新填写',
  INVALID_VALUE: '填写的内容无效，请检查后重新填写',
  UNKNOWN_FIELD: '包含无法识别的字段，请刷新页面后重试',
} as const;

export type SchemaCode = keyof typeof SCHEMA_MESSAGES;
export type FieldCode = ValidationCode | SchemaCode;

export function fieldMessage(code: FieldCode): string {
  return code in SCHEMA_MESSAGES ? SCHEMA_MESSAGES[code as SchemaCode] : VALIDATION_MESSAGES[code as ValidationCode];
}
