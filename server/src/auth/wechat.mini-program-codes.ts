import type { WechatApiClient } from './wechat-api.client';
import { MiniProgramCodes, type MiniProgramCodeTarget } from './mini-program-code.port';

const ENV_VERSION = { developer: 'develop', trial: 'trial', formal: 'release' } as const;

/**
 * `POST /wxa/getwxacodeunlimit` (no limit on the number of codes; `scene` ≤ 32 characters). `check_path: false`
 * so codes work for pages of versions not yet released; WeChat answers the image bytes, or JSON `{errcode}` (41030
 * page invalid, 45009 frequency limit, 40097 invalid scene…) which surfaces as `WechatApiError`.
 */
export class WechatMiniProgramCodes extends MiniProgramCodes {
  constructor(
    private readonly client: WechatApiClient,
    private readonly miniprogramState: keyof typeof ENV_VERSION,
  ) {
    super();
  }

  async pageCode(target: MiniProgramCodeTarget): Promise<Buffer> {
    const { bytes } = await this.client.postForBytes('/wxa/getwxacodeunlimit', {
      scene: target.scene,
      page: target.page,
      check_path: false,
      env_version: ENV_VERSION[this.miniprogramState],
      width: 430,
    });
    return bytes;
  }
}
