import type { ContinueCode } from '@beian/shared';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { devLogin, useTestApp } from '../support/test-app';

type Login = Awaited<ReturnType<typeof devLogin>>;

async function fetchPng(base: string, token: string, path: string) {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('扫码继续: a code of the order at its step, resolved for its owner only', () => {
  const t = useTestApp();
  let owner: Login;
  let other: Login;
  let orderId: string;

  beforeAll(async () => {
    [owner, other] = await Promise.all([devLogin(t.url, 'continue-owner'), devLogin(t.url, 'continue-other')]);
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
  });

  it('should give a scene within WeChat’s 32 characters that opens the same order at the same step for its owner', async () => {
    const res = await owner.client.get<ContinueCode>(`/api/orders/${orderId}/continue-code?step=materials`);
    expect(res.status).toBe(200);
    expect(res.body.scene).toMatch(/^[0-9A-Za-z_-]{1,32}$/);
    expect(res.body.link).toBe(`/filing/pages/start/index?scene=${res.body.scene}`);
    expect(res.body.scene).not.toContain(orderId);

    const resolved = await owner.client.get(`/api/continue-codes/${res.body.scene}`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ orderId, step: 'materials' });
  });

  it('should refuse the scene to another account, an altered scene and a code for someone else’s order', async () => {
    const { scene } = (await owner.client.get<ContinueCode>(`/api/orders/${orderId}/continue-code?step=materials`)).body;
    expect((await other.client.get(`/api/continue-codes/${scene}`)).body.code).toBe('ORDER_NOT_FOUND');
    const otherStep = `${scene[0] === '1' ? '2' : '1'}${scene.slice(1)}`;
    expect((await owner.client.get(`/api/continue-codes/${otherStep}`)).status).toBe(404);
    expect((await owner.client.get(`/api/continue-codes/${scene.slice(0, -1)}`)).status).toBe(404);
    expect((await other.client.get(`/api/orders/${orderId}/continue-code?step=materials`)).status).toBe(404);
    expect((await fetchPng(t.url, other.token, `/api/orders/${orderId}/continue-code/wxacode?step=materials`)).status).toBe(404);
  });

  it('should refuse a step the wizard does not have', async () => {
    const res = await owner.client.get(`/api/orders/${orderId}/continue-code?step=nowhere`);
    expect(res.status).toBe(422);
    expect(res.body.fields[0]).toMatchObject({ path: 'step', code: 'STEP_UNKNOWN' });
  });

  it('should draw a QR code of the H5 link when no AppID is configured', async () => {
    const png = await fetchPng(t.url, owner.token, `/api/orders/${orderId}/continue-code/wxacode?step=face_check`);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  });
});

describe('扫码继续 with an AppID: the mini-program code from WeChat (getwxacodeunlimit, local fake)', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(
    () => ({
      ...wechat.env(),
      WECHAT_MINIPROGRAM_STATE: 'trial',
    }),
    [wechat],
  );
  let owner: Login;
  let orderId: string;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'continue-wechat-owner');
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
  });

  it('should ask WeChat for a code of the wizard page with the short scene', async () => {
    const { scene } = (await owner.client.get<ContinueCode>(`/api/orders/${orderId}/continue-code?step=face_check`)).body;
    const png = await fetchPng(t.url, owner.token, `/api/orders/${orderId}/continue-code/wxacode?step=face_check`);
    expect(png.status).toBe(200);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(wechat.wxacodes.at(-1)).toEqual({ scene, page: 'filing/pages/start/index', check_path: false, env_version: 'trial' });
  });

  it('should answer WXACODE_UNAVAILABLE when WeChat refuses (frequency limit)', async () => {
    wechat.failCodes(45009);
    const res = await fetchPng(t.url, owner.token, `/api/orders/${orderId}/continue-code/wxacode?step=face_check`);
    expect(JSON.parse(res.bytes.toString('utf8')).code).toBe('WXACODE_UNAVAILABLE');
  });
});
