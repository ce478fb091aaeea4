/**
 * Answers of api.weixin.qq.com as WeChat's official reference documents them, for the fake to replay and the
 * adapters' tests to assert against. Each fixture names the page it comes from; where the reference gives no
 * example (an errmsg text, an errcode for a case), the fixture says so and what it is based on instead.
 */
export const WECHAT_REFERENCE = {
  code2Session: 'https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html',
  /** The same endpoint for every kind of account; this page also states the 5-minute overlap and the forced-refresh limits. */
  stableToken: 'https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/access-token/auth.getStableAccessToken.html',
  subscribeSend: 'https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html',
  unlimitedCode: 'https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html',
  globalErrors: 'https://developers.weixin.qq.com/doc/oplatform/developers/errCode/errCode.html',
} as const;

export interface WechatErrorFixture {
  errcode: number;
  errmsg: string;
  /** Where the errcode and errmsg come from. */
  source: string;
}

const error = (errcode: number, errmsg: string, source: string): WechatErrorFixture => ({ errcode, errmsg, source });

/** errcode/errmsg pairs, answered with HTTP 200 like every WeChat error. */
export const WECHAT_ERRORS = {
  systemBusy: error(-1, 'system error', WECHAT_REFERENCE.globalErrors),
  invalidCredential: error(40001, 'invalid credential, access_token is invalid or not latest', WECHAT_REFERENCE.globalErrors),
  tokenExpired: error(42001, 'access_token expired', WECHAT_REFERENCE.globalErrors),
  invalidAppid: error(40013, 'invalid appid', WECHAT_REFERENCE.globalErrors),
  dailyQuota: error(45009, 'reach max api daily quota limit', WECHAT_REFERENCE.globalErrors),
  minuteQuota: error(45011, 'api minute-quota reach limit mustslower retry next minute', WECHAT_REFERENCE.code2Session),
  invalidUrl: error(40066, 'invalid url', WECHAT_REFERENCE.globalErrors),
  // 47001 is listed in the store API's common error codes (developers.weixin.qq.com/doc/store/API/basics/commErrCode.html).
  dataFormat: error(47001, 'data format error', 'https://developers.weixin.qq.com/doc/store/API/basics/commErrCode.html'),
  invalidGrantType: error(40002, 'invalid grant_type', "WeChat's global error list (40002); not on the stable_token page"),
  // Not on the reference pages: the errmsg WeChat's answers carry in developers' reports on developers.weixin.qq.com/community.
  invalidAppsecret: error(40125, 'invalid appsecret', 'no reference page found; errmsg as reported on developers.weixin.qq.com/community'),
  invalidCode: error(40029, 'invalid code', WECHAT_REFERENCE.code2Session),
  codeBlocked: error(40226, 'code blocked', WECHAT_REFERENCE.code2Session),
  // A code works once; the reference page lists no errcode for a reused one. 40163 is what WeChat answers in reports.
  codeUsed: error(40163, 'code been used', 'no reference page found; errcode as reported on developers.weixin.qq.com/community'),
  invalidOpenid: error(40003, 'invalid openid', WECHAT_REFERENCE.subscribeSend),
  invalidTemplate: error(40037, 'invalid template_id', WECHAT_REFERENCE.subscribeSend),
  // The page gives the meaning (user refused, or cancelled the subscription); the errmsg is the one developers report.
  userRefused: error(43101, 'user refuse to accept the msg', WECHAT_REFERENCE.subscribeSend),
  // "errmsg names the field at fault" says the page, without an example: this text is ours.
  templateData: error(47003, 'argument invalid! data is empty', WECHAT_REFERENCE.subscribeSend),
  invalidPage: error(41030, 'invalid page', WECHAT_REFERENCE.unlimitedCode),
  // The page restricts scene to 32 visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~] but names no errcode for
  // a violation; none was found published. 40097 ("invalid args") stands in for it here.
  invalidScene: error(40097, 'invalid args', 'no published errcode found for an invalid scene'),
} as const satisfies Record<string, WechatErrorFixture>;

/** Successful answers, shaped as the reference pages show them. */
export const WECHAT_ANSWERS = {
  /** code2Session: the page's example carries `errcode: 0`; real answers often omit errcode. Both must work. */
  session: (openid: string, sessionKey: string, withErrcode: boolean) =>
    withErrcode ? { openid, session_key: sessionKey, errcode: 0, errmsg: 'ok' } : { openid, session_key: sessionKey },
  /** stable_token: `expires_in` is at most 7200 and at least 300 (the platform renews 5 minutes early). */
  stableToken: (accessToken: string, expiresIn = 7200) => ({ access_token: accessToken, expires_in: expiresIn }),
  /** subscribe/send: errcode 0 in a 200 answer. */
  sent: () => ({ errcode: 0, errmsg: 'ok' }),
} as const;

/** getwxacodeunlimit answers the image bytes on success and JSON `{errcode, errmsg}` otherwise ("注意事项" on the page). */
export const UNLIMITED_CODE_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;
