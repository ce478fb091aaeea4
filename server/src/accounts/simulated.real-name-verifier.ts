import { validateResidentId, validateUscc } from '@beian/shared';
import type { RealNameClaim, RealNameRefusal, RealNameVerifier } from './real-name-verifier.port';

/** A name the simulated registry holds for no certificate: tests and demos use it to see a refusal. */
export const SIMULATED_MISMATCH_NAME = '实名不符';

/**
 * Embedded default: a certificate that passes its national check (GB 11643 / GB 32100) belongs to any name, except
 * SIMULATED_MISMATCH_NAME.
 */
export class SimulatedRealNameVerifier implements RealNameVerifier {
  verify(claim: RealNameClaim): Promise<RealNameRefusal | null> {
    const personal = claim.type === 'personal';
    const checked = personal ? validateResidentId(claim.certificateNumber) : validateUscc(claim.certificateNumber);
    if (!checked.ok)
      return Promise.resolve({
        path: 'certificateNumber',
        code: 'REAL_NAME_CERTIFICATE_INVALID',
        message: personal ? '请填写正确的居民身份证号码' : '请填写正确的统一社会信用代码',
      });
    if (claim.name.includes(SIMULATED_MISMATCH_NAME))
      return Promise.resolve({
        path: 'name',
        code: 'REAL_NAME_MISMATCH',
        message: personal ? '实名认证未通过：姓名与身份证号码不一致' : '实名认证未通过：单位名称与统一社会信用代码不一致',
      });
    return Promise.resolve(null);
  }
}
