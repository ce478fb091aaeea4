import type { Invitation } from '@beian/shared';
import { PNG } from 'pngjs';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { devLogin, useTestApp, type TestApp } from '../support/test-app';

type Login = Awaited<ReturnType<typeof devLogin>>;

const PRINCIPAL = { name: '李四', certificateType: 'resident_id', certificateNumber: '11010519491231002X', mobile: '13900139000' };
const DRAFT = {
  subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
  websites: [{ name: '某某科技官网', domains: ['example.cn'], principal: PRINCIPAL }],
};

async function fetchCode(base: string, token: string, invitationId: string) {
  const res = await fetch(`${base}/api/invitations/${invitationId}/wxacode`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes,
    json: () => JSON.parse(bytes.toString('utf8')) as { code: string; details?: unknown },
  };
}

async function invitedOrder(t: TestApp, owner: Login): Promise<Invitation> {
  const created = await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
  await owner.client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft: DRAFT });
  return (await owner.client.post<Invitation>(`/api/orders/${created.body.id}/principals/websites.0.principal/invitations`)).body;
}

describe('invitation codes: WeChat mini-program code (getwxacodeunlimit)', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(
    () => ({
      ...wechat.env(),
      WECHAT_MINIPROGRAM_STATE: 'trial',
    }),
    [wechat],
  );
  let owner: Login;
  let invitation: Invitation;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'code-owner');
    invitation = await invitedOrder(t, owner);
  });

  it('should answer the PNG from WeChat with the token as scene when the owner asks', async () => {
    const code = await fetchCode(t.url, owner.token, invitation.invitationId);
    expect(code.status).toBe(200);
    expect(code.type).toBe('image/png');
    expect(code.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(wechat.wxacodes.at(-1)).toEqual({ scene: invitation.token, page: 'principal/pages/invite/index', check_path: false, env_version: 'trial' });
    expect(invitation.scene).toBe(invitation.token);
  });

  it('should reuse the cached access token and refresh it once when WeChat says it expired', async () => {
    const before = wechat.tokenCalls.length;
    await fetchCode(t.url, owner.token, invitation.invitationId);
    expect(wechat.tokenCalls.length).toBe(before);
    wechat.expireToken();
    expect((await fetchCode(t.url, owner.token, invitation.invitationId)).status).toBe(200);
    expect(wechat.tokenCalls.at(-1)).toEqual({ forceRefresh: false });
  });

  it('should map WeChat errcodes to WXACODE_UNAVAILABLE when WeChat refuses the code', async () => {
    wechat.failCodes(45009);
    const limited = await fetchCode(t.url, owner.token, invitation.invitationId);
    expect(limited.status).toBe(502);
    expect(limited.json()).toMatchObject({ code: 'WXACODE_UNAVAILABLE', details: { errcode: 45009 } });
    wechat.pages.delete('principal/pages/invite/index');
    const unpublished = await fetchCode(t.url, owner.token, invitation.invitationId);
    expect(unpublished.json()).toMatchObject({ code: 'WXACODE_UNAVAILABLE', details: { errcode: 41030 } });
    wechat.pages.add('principal/pages/invite/index');
  });

  it('should answer 404 when another account or a revoked invitation asks', async () => {
    const stranger = await devLogin(t.url, 'code-stranger');
    expect((await fetchCode(t.url, stranger.token, invitation.invitationId)).status).toBe(404);
    expect((await fetchCode(t.url, owner.token, 'not-a-uuid')).status).toBe(404);
    const again = await invitedOrder(t, stranger);
    const orderId = (await stranger.client.get('/api/orders')).body[0].id as string;
    await stranger.client.raw('DELETE', `/api/orders/${orderId}/principals/invitations/${again.invitationId}`);
    expect((await fetchCode(t.url, stranger.token, again.invitationId)).json()).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
  });
});

describe('invitation codes: embedded default without an AppID', () => {
  const t = useTestApp();
  let owner: Login;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'qr-owner');
  });

  it('should draw a QR code PNG of the H5 link when no AppID is configured', async () => {
    const invitation = await invitedOrder(t, owner);
    const code = await fetchCode(t.url, owner.token, invitation.invitationId);
    expect(code.status).toBe(200);
    expect(code.type).toBe('image/png');
    const png = PNG.sync.read(code.bytes);
    expect(png.width).toBe(430);
    expect(png.height).toBe(430);
    // The invitation still opens with the token the code carries: the token is drawn again from the invitation.
    const stranger = await devLogin(t.url, 'qr-principal');
    expect((await stranger.client.get(`/api/invitations/${invitation.token}`)).status).toBe(200);
  });
});
