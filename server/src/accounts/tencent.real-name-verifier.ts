import { TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { AppException } from '../platform/errors/app-exception';
import type { RealNameClaim, RealNameRefusal, RealNameVerifier } from './real-name-verifier.port';

interface IdCardVerificationResponse extends Record<string, unknown> {
  Result: string;
  Description?: string;
  RequestId: string;
}

/** FaceID IdCardVerification's verdicts about the claim; the other results (-4, -6, -7: the registry is busy) are outages. */
const REFUSALS: Record<string, RealNameRefusal> = {
  '-1': { path: 'name', code: 'REAL_NAME_MISMATCH', message: '实名认证未通过：姓名与身份证号码不一致' },
  '-2': { path: 'certificateNumber', code: 'REAL_NAME_CERTIFICATE_INVALID', message: '请填写正确的居民身份证号码' },
  '-3': { path: 'name', code: 'REAL_NAME_NAME_INVALID', message: '请填写身份证上的姓名' },
  '-5': { path: 'certificateNumber', code: 'REAL_NAME_NOT_FOUND', message: '证件库中无此身份证号码，请核对后重新填写' },
};

/**
 * Tencent Cloud FaceID 身份信息认证 (IdCardVerification, API version 2018-03-01): a person's name and ID number checked
 * against the national registry. Tencent offers no public API for a unit's name and credit code, so an enterprise is
 * refused online and verified by support.
 */
export class TencentRealNameVerifier implements RealNameVerifier {
  constructor(private readonly client: TencentCloudApiClient) {}

  async verify(claim: RealNameClaim): Promise<RealNameRefusal | null> {
    if (claim.type === 'enterprise')
      return { path: 'certificateNumber', code: 'REAL_NAME_OFFLINE', message: '企业认证暂不支持在线核验，请联系客服完成人工认证' };
    let answer: IdCardVerificationResponse;
    try {
      answer = await this.client.call<IdCardVerificationResponse>({
        service: 'faceid',
        version: '2018-03-01',
        action: 'IdCardVerification',
        withRegion: false,
        payload: { IdCard: claim.certificateNumber, Name: claim.name },
      });
    } catch {
      throw new AppException('REAL_NAME_UNAVAILABLE');
    }
    if (answer.Result === '0') return null;
    const refusal = REFUSALS[answer.Result];
    if (!refusal) throw new AppException('REAL_NAME_UNAVAILABLE');
    return refusal;
  }
}
