import { z } from 'zod/mini';
import { VALIDATION_MESSAGES } from '../validate/codes';
import { filingTypeVerifyRequestSchema } from './filing-type';

/** Bodies of the API's own requests (the filing data itself is validated by the step schemas). */
export const wechatLoginRequestSchema = z.object({ code: z.string().check(z.minLength(1), z.maxLength(128)) });

export const devLoginRequestSchema = z.object({ nickname: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)) });

export const createOrderRequestSchema = z.object({
  kind: z.string().check(z.minLength(1), z.maxLength(32)),
  subjectType: z.enum(['personal', 'unit']),
  serviceType: z.enum(['website', 'app']),
  verification: z.optional(filingTypeVerifyRequestSchema),
  subjectId: z.optional(z.string().check(z.minLength(1), z.maxLength(36))),
  serviceIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(36))).check(z.maxLength(200))),
});

export const saveDraftRequestSchema = z.object({
  version: z.number().check(z.int(), z.minimum(1)),
  draft: z.record(z.string(), z.unknown()),
});

/** POST /api/accounts/me/real-name (SubmitRealNameRequest). */
export const submitRealNameRequestSchema = z.object({
  type: z.enum(['personal', 'enterprise']),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)),
  certificateNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)),
});
/** POST /api/accounts/me/mobile (BindAccountMobileRequest). */
export const bindAccountMobileRequestSchema = z.object({
  mobile: z.string().check(z.refine((v) => /^1[3-9]\d{9}$/.test(v), { params: { code: 'MOBILE_FORMAT' }, message: VALIDATION_MESSAGES.MOBILE_FORMAT })),
  code: z.string().check(z.refine((v) => /^\d{6}$/.test(v), { params: { code: 'INVALID_VALUE' }, message: '请输入6位数字验证码' })),
});
/** PUT /api/notifications/result-channels/:channel (ResultChannelSettingRequest). */
export const resultChannelSettingRequestSchema = z.object({ enabled: z.boolean() });
/** 同意授权 / 暂不授权 of the 公安联网备案数据码 (PublicSecurityConsentRequest). */
export const publicSecurityConsentRequestSchema = z.object({ choice: z.enum(['granted', 'declined']) });

const accountId = z.string().check(z.trim(), z.regex(/^\d{12}$/));
const instanceId = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

/** POST /api/codes/authorization (GenerateAuthorizationCodeRequest). */
export const generateAuthorizationCodeRequestSchema = z.object({ instanceId, targetAccountId: accountId });

/** POST /api/codes/check (CheckCodeRequest). */
export const checkCodeRequestSchema = z.object({
  kind: z.enum(['authorization', 'service']),
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  orderId: z.optional(z.string().check(z.minLength(1), z.maxLength(36))),
});

/** POST /api/codes/service/:codeId/bind (BindServiceCodeRequest): 查看并绑定服务码. */
export const bindServiceCodeRequestSchema = z.object({ instanceId });

/** POST /api/codes/service/grants(/verify) (ServiceCodeGrantRequest). */
export const serviceCodeGrantRequestSchema = z.object({
  /** Absent: 收费 服务码 not bound to a server yet (未绑定实例, seed 004 L15, L79). */
  instanceId: z.optional(instanceId),
  count: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
  targetAccountId: accountId,
  remark: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  mobile: z.optional(z.string().check(z.regex(/^1\d{10}$/))),
  smsCode: z.optional(z.string().check(z.regex(/^\d{6}$/))),
});
