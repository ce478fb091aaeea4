import { randomUUID } from 'node:crypto';
import { BIOMETRIC_CONSENT_VERSION, type FaceChallenge, type Invitation } from '@beian/shared';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { ORDER_JOB } from '../../src/order-core/order-jobs.policy';
import { upload } from '../materials/upload-helpers';
import { DAY, workflow } from '../regulator/workflow.support';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { mp4, photo } from '../support/media-fixtures';
import { api, useTestApp } from '../support/test-app';

const TEMPLATE = {
  order_expiring: 'TPL_ORDER_EXPIRING_01',
  public_security_filing_due: 'TPL_PUBLIC_SECURITY_01',
  face_check_waiting: 'TPL_FACE_CHECK_WAIT_01',
  face_check_done: 'TPL_FACE_CHECK_DONE_01',
} as const;
const FIELDS = { thing1: 'title', phrase2: 'status', time3: 'time', character_string4: 'orderId' };
const TEMPLATES = Object.fromEntries(Object.entries(TEMPLATE).map(([type, templateId]) => [type, { templateId, data: FIELDS }]));
const LISI = { name: '李四', certificateType: 'resident_id', certificateNumber: '11010519491231002X', mobile: '13900139000' };
const OWNER = { name: '王五', certificateType: 'resident_id', certificateNumber: '110101199003078515', mobile: '13800138000' };

/** Reminders from jobs and face-check activity go through the outbox like progress messages, so they reach WeChat too. */
describe('reminders and face-check messages on WeChat', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(
    () => ({
      ...wechat.env(),
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      SESSION_TTL_HOURS: String(24 * 90),
    }),
    [wechat],
  );
  const w = workflow(t);

  /** A WeChat user who accepted each template twice, so a second send would go out if one were made. */
  async function wechatUser() {
    const openid = `openid-${randomUUID().slice(0, 12)}`;
    const login = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode(openid) });
    const client = api(t.url, login.body.token);
    for (const templateId of [...Object.values(TEMPLATE), ...Object.values(TEMPLATE)]) {
      const granted = await client.post('/api/notifications/grants', { templateIds: [templateId], results: { [templateId]: 'accept' } });
      expect(granted.status).toBe(200);
    }
    return { openid, userId: login.body.user.id as string, client };
  }

  const sends = (openid: string, templateId: string) => wechat.subscribeSends.filter((s) => s.touser === openid && s.template_id === templateId);

  it('should send order_expiring once when the order has been left alone for 7 days', async () => {
    const owner = await wechatUser();
    const order = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body;

    await w.advance(7 * DAY);
    await w.advance(DAY);

    expect(sends(owner.openid, TEMPLATE.order_expiring)).toHaveLength(1);
    expect(sends(owner.openid, TEMPLATE.order_expiring)[0]!.data.character_string4?.value).toBe(order.id.replace(/-/g, ''));
  });

  it('should send public_security_filing_due once when the reminder job of an approved website comes due', async () => {
    const owner = await wechatUser();
    const now = t.clock.now();
    const orderId = randomUUID();
    await t.db.manager.insert(FilingOrderEntity, {
      id: orderId,
      ownerId: owner.userId,
      kind: 'first_filing',
      subjectType: 'personal',
      serviceType: 'website',
      status: 'approved',
      subjectIndex: null,
      version: 1,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const job = {
      type: ORDER_JOB.publicSecurityReminder,
      payload: { orderId, approvedAt: now.toISOString() },
      dueAt: now,
      dedupeKey: `${ORDER_JOB.publicSecurityReminder}:${orderId}`,
    };
    await t.db.transaction((tx) => t.app.get(JobScheduler).schedule(tx, job));

    await w.drain();
    await w.advance(DAY);

    expect(sends(owner.openid, TEMPLATE.public_security_filing_due)).toHaveLength(1);
  });

  it('should send face_check_waiting to the invited principal once they accept, and face_check_done to the applicant once their check is done', async () => {
    const owner = await wechatUser();
    const principal = await wechatUser();
    const created = await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
    const draft = {
      subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
      subjectPrincipal: OWNER,
      websites: [{ name: '某某科技官网', domains: ['example.cn'], principal: LISI }],
    };
    expect((await owner.client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft })).status).toBe(200);
    const invitation = (await owner.client.post<Invitation>(`/api/orders/${created.body.id}/principals/websites.0.principal/invitations`)).body;
    const base = `/api/invitations/${invitation.token}`;

    expect((await principal.client.post(`${base}/accept`)).status).toBe(200);
    await w.drain();
    expect(sends(principal.openid, TEMPLATE.face_check_waiting)).toHaveLength(1);
    expect(sends(owner.openid, TEMPLATE.face_check_done)).toHaveLength(0);

    await principal.client.post(`${base}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
    const challenge = (await principal.client.post<FaceChallenge>(`${base}/face-check/challenge`)).body;
    const video = await upload(t.url, principal.client, `${base}/uploads`, { kind: 'face_video', contentType: 'video/mp4' }, mp4(8));
    await upload(t.url, principal.client, `${base}/uploads`, { kind: 'certificate_front', contentType: 'image/jpeg' }, await photo({ gps: true }));
    const checked = await principal.client.post(`${base}/face-check`, { challengeId: challenge.challengeId, videoFileId: video.body.fileId });
    expect(checked.status).toBe(200);
    await w.drain();
    await w.drain();

    expect(sends(owner.openid, TEMPLATE.face_check_done)).toHaveLength(1);
    expect(sends(principal.openid, TEMPLATE.face_check_waiting)).toHaveLength(1);
    expect(sends(principal.openid, TEMPLATE.face_check_done)).toHaveLength(0);
  });
});
