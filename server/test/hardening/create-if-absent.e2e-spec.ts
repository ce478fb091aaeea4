import { randomUUID } from 'node:crypto';
import { BIOMETRIC_CONSENT_VERSION } from '@beian/shared';
import { IsNull } from 'typeorm';
import { UserEntity } from '../../src/auth/user.entity';
import { FaceCheckEntity } from '../../src/principals/face-check.entity';
import { PrincipalInvitationEntity } from '../../src/principals/principal-invitation.entity';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { api, devLogin, useTestApp } from '../support/test-app';

const PARALLEL = 8;
const OWNER = { name: '王五', certificateType: 'resident_id', certificateNumber: '110101199003078515', mobile: '13800138000' };
const LISI = { name: '李四', certificateType: 'resident_id', certificateNumber: '11010519491231002X', mobile: '13900139000' };
const DRAFT = {
  subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
  subjectPrincipal: OWNER,
  websites: [{ name: '某某科技官网', domains: ['example.cn'], principal: LISI }],
};

const times = <T>(run: () => Promise<T>) => Promise.all(Array.from({ length: PARALLEL }, run));

describe('hardening: create-if-absent under parallel requests', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(() => ({ ...wechat.env() }), [wechat]);

  const orderWithPrincipals = async () => {
    const owner = await devLogin(t.url, `owner-${randomUUID().slice(0, 8)}`);
    const created = await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
    expect((await owner.client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft: DRAFT })).status).toBe(200);
    return { owner, orderId: created.body.id as string };
  };

  it('should make one account when a new user dev-logs in eight times at once', async () => {
    const nickname = `new-${randomUUID().slice(0, 8)}`;

    const answers = await times(() => api(t.url).post('/api/auth/dev-login', { nickname }));

    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
    expect(new Set(answers.map((a) => a.body.user.id)).size).toBe(1);
    expect(await t.db.manager.countBy(UserEntity, { openid: `dev:${nickname}` })).toBe(1);
  });

  it('should make one account when a new WeChat user logs in eight times at once', async () => {
    const openid = `openid-${randomUUID().slice(0, 12)}`;
    const codes = Array.from({ length: PARALLEL }, () => wechat.issueCode(openid));

    const answers = await Promise.all(codes.map((code) => api(t.url).post('/api/auth/wechat-login', { code })));

    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
    expect(new Set(answers.map((a) => a.body.user.id)).size).toBe(1);
    expect(await t.db.manager.countBy(UserEntity, { openid })).toBe(1);
  });

  it('should start one face check when the owner asks for the challenge eight times at once', async () => {
    const { owner, orderId } = await orderWithPrincipals();
    const self = `/api/orders/${orderId}/principals/subjectPrincipal`;
    await owner.client.post(`${self}/consent`, { version: BIOMETRIC_CONSENT_VERSION });

    const answers = await times(() => owner.client.post(`${self}/face-check/challenge`));

    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(201));
    expect(await t.db.manager.countBy(FaceCheckEntity, { orderId })).toBe(1);
  });

  it('should start one face check when an invited principal asks for the challenge eight times at once', async () => {
    const { owner, orderId } = await orderWithPrincipals();
    const invitation = (await owner.client.post(`/api/orders/${orderId}/principals/websites.0.principal/invitations`)).body;
    const lisi = await devLogin(t.url, `lisi-${randomUUID().slice(0, 8)}`);
    const base = `/api/invitations/${invitation.token}`;
    await lisi.client.post(`${base}/accept`);
    await lisi.client.post(`${base}/consent`, { version: BIOMETRIC_CONSENT_VERSION });

    const answers = await times(() => lisi.client.post(`${base}/face-check/challenge`));

    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(201));
    expect(await t.db.manager.countBy(FaceCheckEntity, { orderId })).toBe(1);
  });

  it('should leave one open invitation when the owner invites the same principal eight times at once', async () => {
    const { owner, orderId } = await orderWithPrincipals();

    const answers = await times(() => owner.client.post(`/api/orders/${orderId}/principals/websites.0.principal/invitations`));

    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(201));
    expect(await t.db.manager.countBy(PrincipalInvitationEntity, { orderId, revokedAt: IsNull() })).toBe(1);
  });
});
