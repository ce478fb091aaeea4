/** Request-level error codes (not tied to one field) with their Chinese messages. */
export const API_ERRORS = {
  VALIDATION_FAILED: '填写的信息有误，请按提示修改',
  MALFORMED_JSON: '请求内容不是有效的 JSON',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的请求格式',
  NOT_FOUND: '请求的内容不存在',
  ROUTE_NOT_FOUND: '接口不存在',
  METHOD_NOT_ALLOWED: '不支持的请求方式',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '无权访问该内容',
  ORDER_NOT_FOUND: '备案订单不存在',
  VERSION_CONFLICT: '该订单已在其他设备上修改，请确认保留哪一份内容',
  ORDER_NOT_EDITABLE: '订单当前状态不可修改',
  ORDER_IN_FLIGHT: '您已有进行中的备案订单，请先完成或撤销该订单',
  TRANSITION_NOT_ALLOWED: '当前状态下不能进行此操作',
  PRECHECK_FAILED: '提交前检查未通过，请按提示修改',
  IDEMPOTENCY_KEY_REUSED: '重复的请求标识用于了不同的内容',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  WECHAT_CODE_INVALID: '登录凭证无效或已使用，请重新进入小程序',
  WECHAT_RATE_LIMITED: '登录过于频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  DEV_LOGIN_DISABLED: '开发登录未启用',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '服务暂时出错，请稍后再试',
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;
