import { TencentCloudApiClient, TencentCloudError } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { FaceVerifier, type FaceVerificationRequest, type FaceVerificationResult } from './face-verifier.port';

interface LivenessCompareResponse extends Record<string, unknown> {
  Result: string;
  Description?: string;
  Sim?: number;
  RequestId: string;
}

/** Tencent's suggested threshold for "same person" on its 0–100 similarity (about 1/10,000 false accepts). */
const SAME_PERSON_SIM = 70;

const RETRY_LIVENESS = '活体检测未通过，请在光线充足处正对镜头，清晰读出屏幕上的数字后重新录制';
const RETRY_COMPARE = '视频中的人脸与证件照片不一致，请负责人本人重新录制';

/** Tencent Cloud FaceID LivenessCompare (API version 2018-03-01), digit mode (LIP): liveness + comparison with the ID photo. */
export class TencentFaceVerifier extends FaceVerifier {
  constructor(private readonly client: TencentCloudApiClient) {
    super();
  }

  async verify(request: FaceVerificationRequest): Promise<FaceVerificationResult> {
    try {
      const r = await this.client.call<LivenessCompareResponse>({
        service: 'faceid',
        version: '2018-03-01',
        action: 'LivenessCompare',
        withRegion: false,
        payload: {
          LivenessType: 'LIP',
          ValidateData: request.digits,
          ImageBase64: request.idPhoto.toString('base64'),
          VideoBase64: request.video.toString('base64'),
        },
      });
      const score = typeof r.Sim === 'number' ? r.Sim : null;
      if (r.Result !== 'Success') return { outcome: 'failed', reason: RETRY_LIVENESS, reference: r.RequestId, score };
      if (score === null || score < SAME_PERSON_SIM) return { outcome: 'failed', reason: RETRY_COMPARE, reference: r.RequestId, score };
      return { outcome: 'passed', reason: null, reference: r.RequestId, score };
    } catch (error) {
      // FailedOperation.* are verdicts about the video (no face, lips not moving, digits wrong …), not outages.
      if (error instanceof TencentCloudError && error.code.startsWith('FailedOperation.')) {
        return { outcome: 'failed', reason: error.code.includes('Compare') ? RETRY_COMPARE : RETRY_LIVENESS, reference: error.requestId, score: null };
      }
      throw error;
    }
  }
}
