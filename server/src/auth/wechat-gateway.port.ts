/** The WeChat server API as the server uses it for login (`auth.code2Session`). */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

/** An `errcode` answered by WeChat, or -1 when WeChat could not be reached. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
  }
}

export abstract class WechatGateway {
  abstract code2Session(code: string): Promise<WechatSession>;
}
