import type { RealNameType } from '@beian/shared';

export interface RealNameClaim {
  type: RealNameType;
  /** The person's or the unit's name. */
  name: string;
  /** 居民身份证号 (personal) or 统一社会信用代码 (enterprise), normalized. */
  certificateNumber: string;
}

/** Why a claim was refused, on the field to correct. */
export interface RealNameRefusal {
  path: 'name' | 'certificateNumber';
  code: string;
  message: string;
}

/** 实名认证: whether the name and the certificate belong together (a national identity or business registry). */
export abstract class RealNameVerifier {
  /** Null when verified; otherwise the refusal. */
  abstract verify(claim: RealNameClaim): Promise<RealNameRefusal | null>;
}
