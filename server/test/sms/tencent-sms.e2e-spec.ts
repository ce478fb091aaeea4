import { SMS_LIMITS } from '@beian/shared';
import { FakeTencentCloud } from '../support/fake-tencent-cloud.server';
import { devLogin, useTestApp } from '../support/test-app';

const SMS_ENV = {
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: '备案助手',
  TENCENT_SMS_TEMPLATE_ID: '123456',
  TENCENT_SMS_INVITATION_TEMPLATE_ID: '123457',
};

describe('sms: mobile verification codes sent with SMS_PROVIDER=tencent to a local fake of Tencent Cloud', () => {
  const fake = new FakeTencentCloud();
  const delivered = (payload: Record<string, any>) => ({
    SendStatusSet: payload.PhoneNumberSet.map((PhoneNumber: string) => ({
      PhoneNumber,
      Code: 'Ok',
      Message: 'send success',
      SerialNo: '2433:1234567890',
      Fee: 1,
      SessionContext: '',
      IsoCode: 'CN',
    })),
  });
  const t = useTestApp(
    () => ({
      SMS_PROVIDER: 'tencent',
      ...fake.env(),
      ...SMS_ENV,
    }),
    [fake],
  );
  let user: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;

  beforeAll(async () => {
    user = await devLogin(t.url, 'tencent-sms-user');
    orderId = (await user.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
  });
  beforeEach(() => {
    fake.calls.length = 0;
    fake.on('SendSms', delivered);
  });

  it('should send the applicant’s code in a signed SendSms call and verify the code the fake received when the provider is tencent', async () => {
    const mobile = '13912345678';
    const sent = await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    expect(sent.status).toBe(201);

    // The fake records a call only once its TC3-HMAC-SHA256 signature checks out.
    expect(fake.calls).toEqual([
      {
        service: 'sms',
        action: 'SendSms',
        version: '2021-01-11',
        region: 'ap-guangzhou',
        payload: {
          PhoneNumberSet: [`+86${mobile}`],
          SmsSdkAppId: SMS_ENV.TENCENT_SMS_SDK_APP_ID,
          SignName: SMS_ENV.TENCENT_SMS_SIGN_NAME,
          TemplateId: SMS_ENV.TENCENT_SMS_TEMPLATE_ID,
          TemplateParamSet: [expect.stringMatching(/^\d{6}$/), String(SMS_LIMITS.codeMinutes)],
        },
      },
    ]);
    const code = fake.calls[0]!.payload.TemplateParamSet[0] as string;

    const verified = await user.client.post('/api/sms/verify', { mobile, code, orderId, path: 'subjectPrincipal' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ orderId, path: 'subjectPrincipal', mobileMasked: '139****5678' });
    expect((await user.client.post(`/api/dev/sms-outbox/search`, { mobile })).body).toEqual([]);
  });

  it('should answer SMS_UNAVAILABLE and let the applicant ask again at once when Tencent refuses the number', async () => {
    const mobile = '13912345679';
    fake.on('SendSms', (payload) => ({
      SendStatusSet: [
        {
          PhoneNumber: payload.PhoneNumberSet[0],
          Code: 'LimitExceeded.PhoneNumberDailyLimit',
          Message: 'the number of sms messages sent from a single mobile number every day exceeds the upper limit',
          SerialNo: '',
          Fee: 0,
          SessionContext: '',
          IsoCode: 'CN',
        },
      ],
    }));
    const refused = await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('SMS_UNAVAILABLE');

    fake.on('SendSms', delivered);
    expect((await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })).status).toBe(201);
    expect(fake.calls).toHaveLength(2);
  });
});
