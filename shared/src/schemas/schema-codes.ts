import { VALIDATION_MESSAGES, type ValidationCode } from '../validate/codes';

/** Codes raised by the schemas themselves (shape and choices), beside the validators' codes. */
export const SCHEMA_MESSAGES = {
  INVALID_TYPE: '填写的内容格式不正确，请重新填写',
  OPTION_INVALID: '请从列表中选择一项',
  TOO_MANY_ITEMS: '数量超出上限，请删除多余的项',
  TEXT_TOO_LONG: '内容过长，请精简后重新填写',
  INVALID_VALUE: '填写的内容无效，请检查后重新填写',
  UNKNOWN_FIELD: '包含无法识别的字段，请刷新页面后重试',
  SECTION_TOO_LARGE: '这部分填写的内容过多，请精简后再保存',
  DRAFT_TOO_LARGE: '订单填写的内容总量过多，请精简后再保存',
  REGION_REQUIRED_DISTRICT: '请选择到区/县一级的备案地区',
  CERTIFICATE_TYPE_NATURE_MISMATCH: '该证件类型与所选主办者性质不符，请重新选择证件类型',
  PRE_APPROVAL_UNIT_ONLY: '个人备案不涉及前置审批，请选择“以上都不涉及”',
  HOME_URL_FORMAT: '请输入以 http:// 或 https:// 开头、使用本网站域名的首页地址',
  RESOURCE_ID_REQUIRED: '请选择用于备案的云资源',
  AUTHORIZATION_CODE_REQUIRED: '请输入备案授权码',
  SERVICE_CODE_REQUIRED: '请选择ICP备案服务码',
  AGREEMENT_REQUIRED: '请阅读并勾选同意后再提交',
  MATERIAL_REQUIRED: '请上传所需的备案材料',
  DATE_FORMAT: '请选择有效的日期',
  SERVICE_ICP_NUMBER_OTHER_SUBJECT: '该备案号不属于所填的主体备案号，请核对网站（APP）备案号和主体备案号',
} as const;

export type SchemaCode = keyof typeof SCHEMA_MESSAGES;
export type FieldCode = ValidationCode | SchemaCode;

export function fieldMessage(code: FieldCode): string {
  return code in SCHEMA_MESSAGES ? SCHEMA_MESSAGES[code as SchemaCode] : VALIDATION_MESSAGES[code as ValidationCode];
}
