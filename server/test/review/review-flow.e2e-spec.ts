import { validateIcpNumber } from '@beian/shared';
import { In } from 'typeorm';
import { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { devLogin, useTestApp } from '../support/test-app';
import { CERT_LAST_SIX, DAY, MINUTE, workflow, type Client } from '../regulator/workflow.support';

describe('after submission: 初审 with per-field rejection, MIIT SMS verification and the 管局 (simulated)', () => {
  const t = useTestApp({ CLOCK: 'controllable' });
  const w = workflow(t);
  let reviewer: Client;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员1')).client;
  });

  it('should take an order from rejection of two fields to 管局 approval with numbers on the progress page', async () => {
    const applicant = await w.submitted();
    const { orderId, client, mobile, draft } = applicant;

    const queue = await reviewer.get('/api/review/queue');
    expect(queue.status).toBe(200);
    const submittedAt = new Date(queue.body[0].submittedAt);
    // Submitted on Friday 2026-11-20 (China time): due two working days later, on Tuesday.
    expect(queue.body).toEqual([
      expect.objectContaining({ orderId, subjectName: '张三', resubmission: false, dueAt: new Date(submittedAt.getTime() + 4 * DAY).toISOString() }),
    ]);
    const firstLook = await reviewer.get(`/api/review/orders/${orderId}`);
    expect(firstLook.body).toMatchObject({
      status: 'pending_initial_review',
      changes: null,
      draft: { subjectPrincipal: { mobile: `${mobile.slice(0, 3)}****${mobile.slice(7)}` } },
    });

    const incomplete = await reviewer.post(`/api/review/orders/${orderId}/reject`, {
      reasons: [{ kind: 'field', path: 'subject.communicationAddress', reason: '地址不详细', suggestion: '' }],
    });
    expect(incomplete).toMatchObject({ status: 422, body: { code: 'REJECTION_REASONS_REQUIRED', fields: [{ path: 'reasons.0.suggestion' }] } });
    const rejected = await reviewer.post(`/api/review/orders/${orderId}/reject`, {
      reasons: [
        { kind: 'field', path: 'subject.communicationAddress', reason: '通信地址需详细到门牌号', suggestion: '请填写到门牌号，如“某街道1号101室”' },
        { kind: 'field', path: 'websites.0.name', reason: '网站名称不能体现个人', suggestion: '请使用能体现网站内容的名称' },
      ],
    });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'initial_review_rejected' } });
    await w.drain();

    const seen = await client.get(`/api/orders/${orderId}`);
    expect(seen.body.rejections).toEqual([
      { path: 'subject.communicationAddress', kind: 'field', reason: '通信地址需详细到门牌号', suggestion: '请填写到门牌号，如“某街道1号101室”' },
      { path: 'websites.0.name', kind: 'field', reason: '网站名称不能体现个人', suggestion: '请使用能体现网站内容的名称' },
    ]);
    expect(seen.body.editablePaths).toEqual(['subject.communicationAddress', 'websites.0.name']);

    const subject = { ...draft.subject!, communicationAddress: '北京市朝阳区某街道1号2单元101室' };
    const websites = [{ ...draft.websites![0]!, name: '张三的读书笔记分享' }];
    const third = await client.patch(`/api/orders/${orderId}/draft`, {
      version: seen.body.version,
      draft: { subject: { ...subject, certificateAddress: '北京市朝阳区另一街道2号' }, websites },
    });
    expect(third).toMatchObject({
      status: 422,
      body: { code: 'FIELD_LOCKED', details: { path: 'subject.certificateAddress' }, fields: [{ path: 'draft.subject.certificateAddress' }] },
    });
    const fixed = await client.patch(`/api/orders/${orderId}/draft`, { version: seen.body.version, draft: { subject, websites } });
    expect(fixed.status).toBe(200);
    expect((await client.post(`/api/orders/${orderId}/resubmit`)).body).toMatchObject({ status: 'pending_initial_review' });
    await w.drain();

    const review = await reviewer.get(`/api/review/orders/${orderId}`);
    expect(review.body.changes).toEqual([
      { path: 'subject.communicationAddress', before: '北京市朝阳区某街道1号101室', after: '北京市朝阳区某街道1号2单元101室' },
      { path: 'websites.0.name', before: '张三的读书笔记', after: '张三的读书笔记分享' },
    ]);
    expect(review.body.lastRejections).toHaveLength(2);
    expect((await reviewer.get('/api/review/queue')).body[0]).toMatchObject({ orderId, resubmission: true });

    expect((await reviewer.post(`/api/review/orders/${orderId}/approve`)).body).toMatchObject({ status: 'pending_regulator_submission' });
    await w.drain();
    const sms = await client.get(`/api/orders/${orderId}/progress`);
    expect(sms.body).toMatchObject({
      status: 'sms_verification',
      whoseMove: 'principal',
      sms: [
        { recipientMasked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`, roles: ['subject_principal', 'service_principal'], status: 'pending', triesLeft: 5 },
      ],
    });
    expect(sms.body.deadline).toBe(sms.body.sms[0].deadline);
    expect(Date.parse(sms.body.deadline) - Date.parse(sms.body.timeline.at(-1).at)).toBe(DAY);

    const code = await w.lastCode(mobile);
    const wrong = await w.verify(mobile, code === '000000' ? '111111' : '000000');
    expect(wrong).toMatchObject({ status: 422, body: { code: 'SMS_CODE_WRONG', details: { triesLeft: 4 } } });
    expect((await client.get(`/api/orders/${orderId}/progress`)).body.sms[0].triesLeft).toBe(4);
    expect(await w.verify(mobile, code, CERT_LAST_SIX.toLowerCase())).toEqual({ status: 200, body: { verified: true, othersPending: false } });

    await w.advance(29 * MINUTE);
    expect((await client.get(`/api/orders/${orderId}/progress`)).body.status).toBe('sms_verification');
    await w.advance(MINUTE);
    const underReview = await client.get(`/api/orders/${orderId}/progress`);
    expect(underReview.body).toMatchObject({ status: 'regulator_review', estimate: { minWorkingDays: 1, maxWorkingDays: 20 } });

    const scripted = await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 3 });
    expect(scripted).toMatchObject({ status: 200, body: { dueAt: expect.any(String) } });
    const moved = await reviewer.post('/api/dev/clock/advance', { ms: 5 * DAY });
    expect(moved.status).toBe(200);
    await w.drain();

    const done = await client.get(`/api/orders/${orderId}/progress`);
    expect(done.body).toMatchObject({ status: 'approved', statusLabel: '备案成功', whoseMove: null, estimate: { minWorkingDays: 0, maxWorkingDays: 0 } });
    expect(done.body.numbers).toHaveLength(2);
    const [subjectNumber, serviceNumber] = done.body.numbers as string[];
    expect(subjectNumber).toMatch(/^京ICP备2026\d{6}号$/);
    expect(serviceNumber).toBe(`${subjectNumber}-1`);
    expect(validateIcpNumber(subjectNumber!)).toMatchObject({ ok: true, value: { kind: 'subject' } });
    expect(validateIcpNumber(serviceNumber!)).toMatchObject({ ok: true, value: { kind: 'service', serviceIndex: 1 } });
    expect(done.body.timeline.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'pending_initial_review',
      'initial_review_rejected',
      'pending_initial_review',
      'pending_regulator_submission',
      'sms_verification',
      'regulator_review',
      'approved',
    ]);

    expect(await w.messageTypes(client)).toEqual([
      'submitted',
      'initial_review_rejected',
      'submitted',
      'initial_review_passed',
      'sms_verification_required',
      'regulator_approved',
    ]);
    const approvedMessage = (await client.get('/api/messages')).body.items[0];
    expect(approvedMessage.body).toContain(`备案号：${subjectNumber}、${serviceNumber}`);
  });

  it('should answer 304 while the progress is unchanged, 404 to another account holding the ETag, and 200 with a new ETag once it moves', async () => {
    const { orderId, client, token } = await w.submitted();
    const first = await fetch(`${t.url}/api/orders/${orderId}/progress`, { headers: { authorization: `Bearer ${token}` } });
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/".+"$/);

    const again = await client.get(`/api/orders/${orderId}/progress`, { 'if-none-match': etag });
    expect(again).toEqual({ status: 304, body: null });

    const stranger = await devLogin(t.url, 'etag-stranger');
    const strangerWithEtag = await stranger.client.get(`/api/orders/${orderId}/progress`, { 'if-none-match': etag });
    await reviewer.post(`/api/review/orders/${orderId}/approve`);
    const changed = await fetch(`${t.url}/api/orders/${orderId}/progress`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(strangerWithEtag).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_FOUND' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('should keep other accounts and applicants away from orders and reviewer endpoints', async () => {
    const { orderId } = await w.submitted();
    const stranger = await devLogin(t.url, 'stranger');

    expect((await stranger.client.get(`/api/orders/${orderId}/progress`)).status).toBe(404);
    expect((await stranger.client.get('/api/review/queue')).body.code).toBe('ROLE_REQUIRED');
    expect((await stranger.client.get(`/api/review/orders/${orderId}`)).status).toBe(403);
    expect((await stranger.client.post(`/api/review/orders/${orderId}/approve`)).status).toBe(403);
    expect((await stranger.client.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 })).status).toBe(403);
  });

  it('should let the applicant change another field only after reopening it', async () => {
    const { orderId, client, draft } = await w.submitted();
    await reviewer.post(`/api/review/orders/${orderId}/reject`, {
      reasons: [{ kind: 'field', path: 'websites.0.name', reason: '名称不规范', suggestion: '请修改网站名称' }],
    });
    const version = (await client.get(`/api/orders/${orderId}`)).body.version;
    const subject = { ...draft.subject!, certificateAddress: '北京市朝阳区另一街道2号' };

    expect((await client.patch(`/api/orders/${orderId}/draft`, { version, draft: { subject } })).body.code).toBe('FIELD_LOCKED');
    const reopened = await client.post(`/api/orders/${orderId}/reopen-fields`, { paths: ['subject.certificateAddress'] });
    expect(reopened).toEqual({ status: 200, body: { paths: ['websites.0.name', 'subject.certificateAddress'] } });
    expect((await client.post(`/api/orders/${orderId}/reopen-fields`, { paths: ['nothing.here'] })).body.code).toBe('FIELD_NOT_REJECTED');
    expect((await client.patch(`/api/orders/${orderId}/draft`, { version, draft: { subject } })).status).toBe(200);
  });

  it('should mask personal values in the reviewer diff when a reopened mobile changed', async () => {
    const { orderId, client, draft, mobile } = await w.submitted();
    await reviewer.post(`/api/review/orders/${orderId}/reject`, {
      reasons: [{ kind: 'field', path: 'websites.0.name', reason: '名称不规范', suggestion: '请修改网站名称' }],
    });
    await client.post(`/api/orders/${orderId}/reopen-fields`, { paths: ['subjectPrincipal.mobile'] });
    const version = (await client.get(`/api/orders/${orderId}`)).body.version;

    const saved = await client.patch(`/api/orders/${orderId}/draft`, {
      version,
      draft: { subjectPrincipal: { ...draft.subjectPrincipal!, mobile: '13711112222' } },
    });
    await client.post(`/api/orders/${orderId}/resubmit`);

    expect(saved.status).toBe(200);
    expect((await reviewer.get(`/api/review/orders/${orderId}`)).body.changes).toEqual([
      { path: 'subjectPrincipal.mobile', before: `${mobile.slice(0, 3)}****${mobile.slice(7)}`, after: '137****2222' },
    ]);
  });

  it('should reveal a personal value only through a short-lived signed link and audit each issue and opening', async () => {
    const { orderId, mobile, client } = await w.submitted();
    const reviewerUser = (await devLogin(t.url, '审核员1')).user;

    const link = await reviewer.post(`/api/review/orders/${orderId}/access`, {
      target: { type: 'field', path: 'subjectPrincipal.mobile' },
      reason: '电话核实申请人',
    });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^\/api\/review\/access\/\d+\.\d+\.[\w-]+$/);
    const opened = await fetch(`${t.url}${link.body.url}`);
    expect(await opened.json()).toEqual({ path: 'subjectPrincipal.mobile', value: mobile });

    const tampered = await fetch(`${t.url}${link.body.url.slice(0, -2)}xx`);
    expect(tampered.status).toBe(403);
    expect((await reviewer.post(`/api/review/orders/${orderId}/access`, { target: { type: 'field', path: 'subject.nothing' }, reason: '核实' })).status).toBe(
      404,
    );
    expect(
      (await client.post(`/api/review/orders/${orderId}/access`, { target: { type: 'field', path: 'subjectPrincipal.mobile' }, reason: '核实' })).status,
    ).toBe(403);

    t.clock.advance(5 * MINUTE + 1);
    expect((await fetch(`${t.url}${link.body.url}`)).status).toBe(403);
    const audit = await t.db.manager.find(AuditLogEntity, { where: { orderId, action: In(['access.issued', 'access.opened']) }, order: { id: 'ASC' } });
    expect(audit.map(({ actorId, action, target, reason }) => ({ actorId, action, target, reason }))).toEqual([
      { actorId: reviewerUser.id, action: 'access.issued', target: 'field:subjectPrincipal.mobile', reason: '电话核实申请人' },
      { actorId: reviewerUser.id, action: 'access.opened', target: 'field:subjectPrincipal.mobile', reason: '电话核实申请人' },
    ]);
  });
});
