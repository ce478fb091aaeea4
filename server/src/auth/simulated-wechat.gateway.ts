import { createHash, randomBytes } from 'node:crypto';
import { WechatGateway, type WechatSession } from './wechat-gateway.port';

/** Embedded default when no AppID is configured: the same code always maps to the same simulated openid. */
export class SimulatedWechatGateway extends WechatGateway {
  async code2Session(code: string): Promise<WechatSession> {
    const openid = `sim_${createHash('sha256').update(code).digest('base64url').slice(0, 24)}`;
    return { openid, sessionKey: randomBytes(16).toString('base64') };
  }
}
