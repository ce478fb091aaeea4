import { TencentSmsSender } from '../../src/sms/tencent.sms-sender';
import { TencentCloudApiClient, TencentCloudError } from '../../src/platform/tencent-cloud/tencent-cloud-api.client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeTencentCloud } from '../support/fake-tencent-cloud.server';

describe('Tencent Cloud API signing and SMS SendSms against a local fake', () => {
  const fake = new FakeTencentCloud();
  let client: TencentCloudApiClient;

  beforeAll(async () => {
    await fake.start();
    client = new TencentCloudApiClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: fake.url }, () => new Date());
  });
  afterAll(() => fake.stop());
  beforeEach(() => (fake.calls.length = 0));

  describe('TC3-HMAC-SHA256 signing', () => {
    it('should be refused by the fake when the secret key is wrong', async () => {
      const wrong = new TencentCloudApiClient(
        { secretId: FAKE_SECRET_ID, secretKey: 'not-the-key', region: 'ap-guangzhou', endpoint: fake.url },
        () => new Date(),
      );
      fake.on('SendSms', () => ({ SendStatusSet: [] }));
      await expect(wrong.call({ service: 'sms', version: '2021-01-11', action: 'SendSms', payload: {} })).rejects.toMatchObject({
        code: 'AuthFailure.SignatureFailure',
      });
    });

    it('should be refused when the request time is too far from now', async () => {
      const stale = new TencentCloudApiClient(
        { secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: fake.url },
        () => new Date(Date.now() - 3600_000),
      );
      await expect(stale.call({ service: 'sms', version: '2021-01-11', action: 'SendSms', payload: {} })).rejects.toMatchObject({
        code: 'AuthFailure.SignatureExpire',
      });
    });

    it('should report a network failure as a TencentCloudError when the endpoint is down', async () => {
      const down = new TencentCloudApiClient(
        { secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: 'http://127.0.0.1:9' },
        () => new Date(),
      );
      await expect(down.call({ service: 'sms', version: '2021-01-11', action: 'SendSms', payload: {} })).rejects.toBeInstanceOf(TencentCloudError);
    });
  });
  describe('SMS SendSms', () => {
    const sender = () =>
      new TencentSmsSender(client, { sdkAppId: '1400000000', signName: '备案助手', verificationTemplateId: '123456', invitationTemplateId: '123457' });

    it('should send the code and minutes as template parameters to a +86 number when signed correctly', async () => {
      fake.on('SendSms', (p) => ({ SendStatusSet: [{ PhoneNumber: p.PhoneNumberSet[0], Code: 'Ok', Message: 'send success', SerialNo: 's1' }] }));
      await sender().sendVerificationCode({ mobile: '13800138000', code: '042917', minutes: 5 });
      expect(fake.calls).toEqual([
        {
          service: 'sms',
          action: 'SendSms',
          version: '2021-01-11',
          region: 'ap-guangzhou',
          payload: {
            PhoneNumberSet: ['+8613800138000'],
            SmsSdkAppId: '1400000000',
            SignName: '备案助手',
            TemplateId: '123456',
            TemplateParamSet: ['042917', '5'],
          },
        },
      ]);
    });

    it('should throw when the number is refused although the call succeeded', async () => {
      fake.on('SendSms', (p) => ({
        SendStatusSet: [{ PhoneNumber: p.PhoneNumberSet[0], Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit', SerialNo: '' }],
      }));
      await expect(sender().sendVerificationCode({ mobile: '13800138000', code: '1', minutes: 5 })).rejects.toMatchObject({
        code: 'LimitExceeded.PhoneNumberDailyLimit',
      });
    });

    it('should send a progress notice through the notice template with the title as its parameter', async () => {
      fake.on('SendSms', (p) => ({ SendStatusSet: [{ PhoneNumber: p.PhoneNumberSet[0], Code: 'Ok', Message: 'send success', SerialNo: 's2' }] }));
      const withNotices = new TencentSmsSender(client, {
        sdkAppId: '1400000000',
        signName: '备案助手',
        verificationTemplateId: '123456',
        invitationTemplateId: '223344',
        noticeTemplateId: '654321',
      });

      const sent = await withNotices.sendNotice({ mobile: '13800138000', title: '管局审核已通过', text: '【备案】恭喜……' });

      expect(sent).toBe('sent');
      expect(fake.calls.at(-1)?.payload).toMatchObject({ TemplateId: '654321', TemplateParamSet: ['管局审核已通过'] });
    });

    it('should send no notice and say so when no notice template is configured', async () => {
      const sent = await sender().sendNotice({ mobile: '13800138000', title: '管局审核已通过', text: '【备案】恭喜……' });

      expect(sent).toBe('no_template');
      expect(fake.calls).toEqual([]);
    });
  });
});
