import { TencentRealNameVerifier } from '../../src/accounts/tencent.real-name-verifier';
import { TencentCloudApiClient } from '../../src/platform/tencent-cloud/tencent-cloud-api.client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeTencentCloud } from '../support/fake-tencent-cloud.server';

describe('Tencent Cloud FaceID IdCardVerification (实名认证) against a local fake', () => {
  const fake = new FakeTencentCloud();
  let verifier: TencentRealNameVerifier;

  beforeAll(async () => {
    await fake.start();
    verifier = new TencentRealNameVerifier(
      new TencentCloudApiClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: fake.url }, () => new Date()),
    );
  });
  afterAll(() => fake.stop());
  beforeEach(() => (fake.calls.length = 0));

  const person = { type: 'personal', name: '韦小宝', certificateNumber: '11204416541220243X' } as const;

  it('should verify a person whose name and ID number the registry holds together, sending both without a region', async () => {
    fake.on('IdCardVerification', () => ({ Result: '0', Description: '姓名和身份证号一致' }));

    await expect(verifier.verify(person)).resolves.toBeNull();
    expect(fake.calls[0]).toMatchObject({
      service: 'faceid',
      version: '2018-03-01',
      region: undefined,
      payload: { IdCard: person.certificateNumber, Name: '韦小宝' },
    });
  });

  it('should refuse on the name when the registry says name and number do not belong together', async () => {
    fake.on('IdCardVerification', () => ({ Result: '-1', Description: '姓名和身份证号不一致' }));

    await expect(verifier.verify(person)).resolves.toEqual({ path: 'name', code: 'REAL_NAME_MISMATCH', message: '实名认证未通过：姓名与身份证号码不一致' });
  });

  it('should refuse on the number when the registry has no such ID number', async () => {
    fake.on('IdCardVerification', () => ({ Result: '-5', Description: '证件库中无此身份证记录' }));

    await expect(verifier.verify(person)).resolves.toMatchObject({ path: 'certificateNumber', code: 'REAL_NAME_NOT_FOUND' });
  });

  it('should answer REAL_NAME_UNAVAILABLE when the registry is busy or the call fails', async () => {
    fake.on('IdCardVerification', () => ({ Result: '-4', Description: '证件库服务异常' }));
    await expect(verifier.verify(person)).rejects.toMatchObject({ code: 'REAL_NAME_UNAVAILABLE' });

    fake.on('IdCardVerification', () => ({ Error: { Code: 'InternalError', Message: 'busy' } }));
    await expect(verifier.verify(person)).rejects.toMatchObject({ code: 'REAL_NAME_UNAVAILABLE' });
  });

  it('should refuse an enterprise online without calling Tencent', async () => {
    await expect(verifier.verify({ type: 'enterprise', name: '示例科技有限公司', certificateNumber: '91350100M000100Y43' })).resolves.toMatchObject({
      code: 'REAL_NAME_OFFLINE',
    });
    expect(fake.calls).toEqual([]);
  });
});
