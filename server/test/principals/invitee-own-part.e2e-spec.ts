import type { Invitation, InvitationView } from '@beian/shared';
import { FakeTencentCloud } from '../support/fake-tencent-cloud.server';
import { photo } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { upload } from '../materials/upload-helpers';

type Login = Awaited<ReturnType<typeof devLogin>>;

const OWNER = { name: '王五', certificateType: 'resident_id', certificateNumber: '110101199003078515', mobile: '13800138000' };
const LISI = { name: '李四', certificateType: 'resident_id', certificateNumber: '11010519491231002X', mobile: '13900139001' };
const draft = {
  subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
  subjectPrincipal: OWNER,
  websites: [
    { name: '某某科技官网', domains: ['example.cn'], principal: LISI },
    { name: '某某商城', domains: ['shop.example.cn'], principal: { ...LISI, sameAs: 'websites.0.principal' } },
  ],
};

async function createOrder(client: Login['client']): Promise<string> {
  const created = await client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
  expect((await client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft })).status).toBe(200);
  return created.body.id as string;
}

describe('principals: the invited principal uploads their own ID photos and verifies their own mobile', () => {
  const t = useTestApp();
  let owner: Login;
  let lisi: Login;
  let stranger: Login;
  let orderId: string;
  let invitation: Invitation;
  const base = () => `/api/invitations/${invitation.token}`;
  const materialsOfDraft = async () =>
    ((await owner.client.get(`/api/orders/${orderId}`)).body.draft.materials ?? []) as { kind: string; target: string; fileId: string }[];

  beforeAll(async () => {
    [owner, lisi, stranger] = await Promise.all([devLogin(t.url, 'own-part-owner'), devLogin(t.url, 'own-part-lisi'), devLogin(t.url, 'own-part-stranger')]);
    orderId = await createOrder(owner.client);
  });

  it('should text the invitation with its link to the principal’s mobile before answering it as sent', async () => {
    const res = await owner.client.post<Invitation>(`/api/orders/${orderId}/principals/websites.0.principal/invitations`);
    expect(res.status).toBe(201);
    invitation = res.body;
    expect(invitation.smsSentTo).toBe('139****9001');
    const [sms] = await owner.client.kit.devSmsOutbox(LISI.mobile);
    expect(sms!.content).toContain('北京某某科技有限公司邀请您作为网站1负责人');
    expect(sms!.content).toContain(`${t.url}/#${invitation.link}`);
    expect(sms!.code).toBeNull();
  });

  it('should refuse the invitee’s photo, SMS and verification to every account but the one that accepted it', async () => {
    for (const client of [owner.client, stranger.client, lisi.client]) {
      expect((await client.post(`${base()}/sms-code`)).body.code).toBe('INVITATION_NOT_ACCEPTED');
    }
    expect((await lisi.client.post(`${base()}/accept`)).status).toBe(200);
    for (const client of [owner.client, stranger.client]) {
      for (const [path, body] of [
        ['sms-code', {}],
        ['sms-verify', { code: '123456' }],
        ['id-photos', { fileId: 'x' }],
        ['uploads', { kind: 'certificate_front', contentType: 'image/jpeg', size: 1000 }],
      ] as const) {
        const refused = await client.post(`${base()}/${path}`, body);
        expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 409, code: 'INVITATION_TAKEN' });
      }
    }
  });

  it('should make the invitee’s ID photo the material of every path where they are the principal, and no other file', async () => {
    const owners = await upload(
      t.url,
      owner.client,
      `/api/orders/${orderId}/uploads`,
      { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' },
      await photo(),
    );
    expect(owners.status).toBe(200);
    expect((await lisi.client.post(`${base()}/id-photos`, { fileId: owners.body.fileId })).body.code).toBe('UPLOAD_NOT_FOUND');

    const front = await upload(t.url, lisi.client, `${base()}/uploads`, { kind: 'certificate_front', contentType: 'image/jpeg' }, await photo());
    expect(front.status).toBe(200);
    const attached = await lisi.client.post<InvitationView>(`${base()}/id-photos`, { fileId: front.body.fileId });
    expect(attached.status).toBe(200);
    expect(attached.body.idPhotos).toMatchObject({ front: true, back: false });
    expect(await materialsOfDraft()).toEqual(
      expect.arrayContaining([
        { kind: 'certificate_front', target: 'websites.0.principal', fileId: front.body.fileId },
        { kind: 'certificate_front', target: 'websites.1.principal', fileId: front.body.fileId },
      ]),
    );
    expect((await materialsOfDraft()).filter((m) => m.target === 'subjectPrincipal')).toEqual([]);
  });

  it('should verify the principal’s own mobile with the code texted to it, for this order only', async () => {
    const sent = await lisi.client.post(`${base()}/sms-code`);
    expect(sent.status).toBe(201);
    expect(sent.body.mobileMasked).toBe('139****9001');
    const code = (await owner.client.kit.devSmsOutbox(LISI.mobile)).find((m) => m.code)!.code!;
    const wrong = await lisi.client.post(`${base()}/sms-verify`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.body.fields[0]).toMatchObject({ path: 'code', code: 'SMS_CODE_WRONG' });
    expect((await lisi.client.post(`${base()}/sms-verify`, { code: '12a' })).status).toBe(422);

    const verified = await lisi.client.post<InvitationView>(`${base()}/sms-verify`, { code });
    expect(verified.status).toBe(200);
    expect(verified.body.mobileVerified).toBe(true);
    const verifications = (await owner.client.get(`/api/orders/${orderId}/mobile-verifications`)).body as { mobileMasked: string; path: string }[];
    expect(verifications).toEqual([expect.objectContaining({ mobileMasked: '139****9001', path: 'websites.0.principal' })]);
  });

  it('should refuse to invite a principal whose mobile is not filled in: the invitation goes by SMS', async () => {
    const other = await createOrder(stranger.client);
    const order = (await stranger.client.get(`/api/orders/${other}`)).body;
    const websites = [{ ...draft.websites[0], principal: { ...LISI, mobile: '' } }];
    expect((await stranger.client.patch(`/api/orders/${other}/draft`, { version: order.version, draft: { websites } })).status).toBe(200);
    const res = await stranger.client.post(`/api/orders/${other}/principals/websites.0.principal/invitations`);
    expect(res.status).toBe(422);
    expect(res.body.fields[0]).toMatchObject({ path: 'websites.0.principal.mobile', code: 'PRINCIPAL_INCOMPLETE' });
  });
});

describe('principals: the invitation SMS through Tencent Cloud SMS (local fake)', () => {
  const fake = new FakeTencentCloud();
  const t = useTestApp(
    () => ({
      SMS_PROVIDER: 'tencent',
      ...fake.env(),
      TENCENT_SMS_SDK_APP_ID: '1400000000',
      TENCENT_SMS_SIGN_NAME: '备案助手',
      TENCENT_SMS_TEMPLATE_ID: '123456',
      TENCENT_SMS_INVITATION_TEMPLATE_ID: '123457',
    }),
    [fake],
  );
  let owner: Login;
  let orderId: string;
  const status = (Code: string) => (payload: Record<string, any>) => ({
    SendStatusSet: payload.PhoneNumberSet.map((PhoneNumber: string) => ({
      PhoneNumber,
      Code,
      Message: Code,
      SerialNo: '1',
      Fee: 1,
      SessionContext: '',
      IsoCode: 'CN',
    })),
  });

  beforeAll(async () => {
    owner = await devLogin(t.url, 'tencent-invite-owner');
    orderId = await createOrder(owner.client);
  });

  it('should not report an invitation as sent, nor leave its link open, when Tencent refuses the SMS', async () => {
    fake.on('SendSms', status('LimitExceeded.PhoneNumberDailyLimit'));
    const refused = await owner.client.post(`/api/orders/${orderId}/principals/websites.0.principal/invitations`);
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('SMS_UNAVAILABLE');
    expect(
      (await owner.client.get(`/api/orders/${orderId}/principals`)).body.find((p: { paths: string[] }) => p.paths.includes('websites.0.principal')).invitation,
    ).toBeNull();

    fake.on('SendSms', status('Ok'));
    fake.calls.length = 0;
    const sent = await owner.client.post<Invitation>(`/api/orders/${orderId}/principals/websites.0.principal/invitations`);
    expect(sent.status).toBe(201);
    expect(fake.calls).toEqual([
      expect.objectContaining({
        action: 'SendSms',
        payload: expect.objectContaining({
          PhoneNumberSet: ['+8613900139001'],
          TemplateId: '123457',
          TemplateParamSet: ['北京某某科技有限公司', '网站1负责人', '72', `${t.url}/#${sent.body.link}`],
        }),
      }),
    ]);
  });
});

describe('principals: the invitation link points at the public address', () => {
  const t = useTestApp({ PUBLIC_ORIGIN: 'https://beian.example.com' });
  let owner: Login;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'public-origin-owner');
  });

  it('should text the configured address whatever Host header the caller sends', async () => {
    const orderId = await createOrder(owner.client);
    const sent = await owner.client.post<Invitation>(
      `/api/orders/${orderId}/principals/websites.0.principal/invitations`,
      {},
      { 'x-forwarded-host': 'phishing.example' },
    );
    expect(sent.status).toBe(201);
    const [sms] = await owner.client.kit.devSmsOutbox(LISI.mobile);
    expect(sms!.content).toContain(`https://beian.example.com/#${sent.body.link}`);
    expect(sms!.content).not.toContain('phishing.example');
  });
});
