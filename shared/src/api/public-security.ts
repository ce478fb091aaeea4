/**
 * 公安联网备案数据码 (S000): only 首次备案 and 新增网站 kinds, websites only. All routes under `/api`.
 *
 * `GET /api/orders/:id/public-security` → {@link PublicSecurityView}
 * `PUT /api/orders/:id/public-security/consent` {@link PublicSecurityConsentRequest} → {@link PublicSecurityView}:
 *   同意授权 / 暂不授权 (or 不授权，关闭此模块), until the 管局 approves; each choice is kept with its time and text.
 * After approval an authorised order gets a data code valid 30 days, or "未获取到数据码".
 */
export const PUBLIC_SECURITY_PLATFORM_URL = 'https://beian.mps.gov.cn';

/** The question the applicant answers (S000 32–34); the exact text is recorded with each choice. */
export const PUBLIC_SECURITY_CONSENT_TEXT =
  '是否授权本平台在ICP备案通过后，将本次备案订单中的主体信息和网站信息发送给公安备案平台（全国互联网安全管理服务平台），用于生成公安联网备案数据码？授权后进行公安联网备案时，只需补充ICP备案中没有填写过的信息。';

export const PUBLIC_SECURITY_TEXTS = {
  title: '公安联网备案',
  granted: '已完成授权，待通信管理局审核通过', // S000 39
  declineButton: '不授权，关闭此模块', // S000 42
  declined: '您暂未授权。通信管理局审核通过前，您可再次选择是否授权；若一直未授权，审核通过后此模块将不再显示。', // S000 42–44
  appsNotice:
    '目前仅支持网站使用数据码进行公安联网备案，授权后仅会同步订单中的网站信息，不会同步APP信息；请在APP开通后30日内自行前往全国互联网安全管理服务平台进行公安联网备案。', // S000 118
  dataCodeReady: '公安联网备案数据码已生成，请在有效期内前往全国互联网安全管理服务平台绑定数据码，完成公安联网备案。', // S000 46
  dataCodeExpired: '数据码已过有效期，请在网站开通后30日内自行前往全国互联网安全管理服务平台进行公安联网备案。',
  dataCodeFailed: '未获取到数据码。数据码生成有概率出现失败的情况，请您在网站开通30日内自行前往全国互联网安全管理服务平台进行公安联网备案。', // S000 121–123
  bindingHelp: [
    '登录全国互联网安全管理服务平台后，若系统自动弹出绑定数据码的对话框，只需输入数据码即可。', // S000 128
    '若未自动弹出，请单击页面右上角的【数据码】，输入数据码以及ICP备案中主体负责人或网站负责人的手机号/身份证号。', // S000 56, 128
    '提示“数据不存在”时：证件号码须与网站/主体负责人的证件号码完全相同；手机号码须为ICP备案中的主要联系手机号，而非应急电话。', // S000 77–81
    '账号下有多个主体时，请先在页面右上方切换至相应的主体。', // S000 131–133
  ],
} as const;

export type PublicSecurityChoice = 'granted' | 'declined';

/** `PUT /api/orders/:id/public-security/consent` (schema: publicSecurityConsentRequestSchema). */
export interface PublicSecurityConsentRequest {
  choice: PublicSecurityChoice;
}

export interface PublicSecurityView {
  /** The kind supports the data code and the order has a website. */
  eligible: boolean;
  /** Shown on the progress page: eligible, and after approval only when authorised. */
  visible: boolean;
  choice: PublicSecurityChoice | null;
  decidedAt: string | null;
  /** Until the 管局 approves (and while the order is alive). */
  changeable: boolean;
  consentText: string;
  /** The order also files APPs: they are not synchronised. */
  appsNotice: string | null;
  dataCode: { code: string; issuedAt: string; expiresAt: string; expired: boolean } | null;
  /** Approved and authorised, but the platform gave no code. */
  dataCodeFailed: boolean;
}
