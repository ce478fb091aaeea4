import { TencentFaceVerifier } from '../../src/principals/tencent.face-verifier';
import { TencentCloudApiClient } from '../../src/platform/tencent-cloud/tencent-cloud-api.client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeTencentCloud } from '../support/fake-tencent-cloud.server';

describe('Tencent Cloud FaceID against a local fake', () => {
  const fake = new FakeTencentCloud();
  let client: TencentCloudApiClient;

  beforeAll(async () => {
    await fake.start();
    client = new TencentCloudApiClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: fake.url }, () => new Date());
  });
  afterAll(() => fake.stop());
  beforeEach(() => (fake.calls.length = 0));

  describe('FaceID LivenessCompare', () => {
    const verify = () => new TencentFaceVerifier(client).verify({ video: Buffer.from('video'), digits: '3859', idPhoto: Buffer.from('photo') });

    it('should pass when liveness succeeds and the similarity reaches the threshold, sending the digits in LIP mode', async () => {
      fake.on('LivenessCompare', () => ({ Result: 'Success', Description: '成功', Sim: 88.5, BestFrameBase64: '' }));
      await expect(verify()).resolves.toMatchObject({ outcome: 'passed', score: 88.5 });
      expect(fake.calls[0]).toMatchObject({
        service: 'faceid',
        version: '2018-03-01',
        region: undefined,
        payload: {
          LivenessType: 'LIP',
          ValidateData: '3859',
          VideoBase64: Buffer.from('video').toString('base64'),
          ImageBase64: Buffer.from('photo').toString('base64'),
        },
      });
    });

    it('should fail with what to do when the face does not match the ID photo', async () => {
      fake.on('LivenessCompare', () => ({ Result: 'Success', Sim: 31 }));
      await expect(verify()).resolves.toMatchObject({ outcome: 'failed', reason: expect.stringContaining('与证件照片不一致') });
    });

    it('should fail, not throw, when FaceID answers a FailedOperation verdict', async () => {
      fake.on('LivenessCompare', () => ({ Error: { Code: 'FailedOperation.LipNetFailed', Message: '唇语检测失败' } }));
      await expect(verify()).resolves.toMatchObject({ outcome: 'failed', reason: expect.stringContaining('活体检测未通过') });
    });

    it('should throw when FaceID is unavailable', async () => {
      fake.on('LivenessCompare', () => ({ Error: { Code: 'InternalError', Message: 'busy' } }));
      await expect(verify()).rejects.toMatchObject({ code: 'InternalError' });
    });
  });
});
