/** The websites of an approved order as the 公安 platform receives them (websites only, S000 16–20). */
export interface PublicSecuritySync {
  orderId: string;
  domains: string[];
}

/**
 * 全国互联网安全管理服务平台: receives an authorised order's subject and websites after approval and answers a data
 * code, or null when it generated none ("数据码生成有概率出现失败", S000 123).
 * Adapters: SimulatedPublicSecurityPlatform (embedded default).
 */
export abstract class PublicSecurityPlatform {
  abstract syncWebsites(sync: PublicSecuritySync): Promise<string | null>;
}
