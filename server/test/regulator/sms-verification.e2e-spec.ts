import { ORDER_KINDS, SMS_VERIFY_TEXTS, isOrderKind } from '@beian/shared';
import { personalDraft } from '@beian/shared/testing';
import { randomUUID } from 'node:crypto';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { ORDER_JOB } from '../../src/order-core/order-jobs.policy';
import { SmsVerificationEntity } from '../../src/regulator/sms-verification.entity';
import { smsRecipientsOf } from '../../src/regulator/sms-recipients.policy';
import { freshMobile } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';
import { CERT_LAST_SIX, DAY, HOUR, MINUTE, workflow, type Client } from './workflow.support';

describe('regulator simulator: MIIT SMS verification and the 管局 review', () => {
  const t = useTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  const w = workflow(t);
  let reviewer: Client;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-sms')).client;
  });

  const progress = async (client: Client, orderId: string) => (await client.get(`/api/orders/${orderId}/progress`)).body;

  it('should re-send once at noon after the first 24 hours and send the order back when the second code lapses too', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    const firstCode = await w.lastCode(mobile);

    // Sent Friday 10:00 China time: the code lapses Saturday 10:00, MIIT re-sends at noon.
    await w.advance(DAY);
    const lapsed = await progress(client, orderId);
    expect(lapsed).toMatchObject({ status: 'sms_verification', sms: [{ status: 'expired', deadline: null }] });
    expect((await w.verify(mobile, firstCode)).body.code).toBe('SMS_CODE_EXPIRED');
    expect(await w.sms.to(mobile)).toHaveLength(1);

    await w.advance(2 * HOUR);
    const resent = await progress(client, orderId);
    expect(await w.sms.to(mobile)).toHaveLength(2);
    expect(resent.sms[0]).toMatchObject({ status: 'pending', triesLeft: 5 });
    expect(Date.parse(resent.sms[0].deadline) - t.clock.now().getTime()).toBe(DAY);
    // The page counts the day down from the server's time, which the answer carries (the device's clock may be off).
    expect(Date.parse(resent.sms[0].deadline) - Date.parse(resent.now)).toBe(DAY);
    expect(resent.timeline.at(-1)).toMatchObject({ from: 'sms_verification', to: 'sms_verification', actor: 'regulator' });

    await w.advance(DAY + 2 * HOUR);
    expect(await w.sms.to(mobile)).toHaveLength(2);
    expect((await progress(client, orderId)).status).toBe('sms_verification');
    await w.advance(30 * MINUTE);
    const back = await progress(client, orderId);
    expect(back).toMatchObject({ status: 'sms_verification_failed', whoseMove: 'applicant' });
    expect(back.timeline.at(-1).reason).toContain('未在有效期内');
    expect(await w.messageTypes(client)).toEqual([
      'submitted',
      'initial_review_passed',
      'sms_verification_required',
      'sms_verification_required',
      'sms_verification_timed_out',
    ]);
  });

  it('should tolerate five wrong codes and fail the verification at the sixth, even if the right code follows', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    const code = await w.lastCode(mobile);
    const wrongCode = code === '123456' ? '654321' : '123456';

    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await w.verify(mobile, wrongCode));
    const late = await w.verify(mobile, code);

    expect(answers.slice(0, 5).map((a) => [a.status, a.body.code, a.body.details?.triesLeft])).toEqual([
      [422, 'SMS_CODE_WRONG', 4],
      [422, 'SMS_CODE_WRONG', 3],
      [422, 'SMS_CODE_WRONG', 2],
      [422, 'SMS_CODE_WRONG', 1],
      [422, 'SMS_CODE_WRONG', 0],
    ]);
    expect(answers[5]).toMatchObject({ status: 422, body: { code: 'SMS_VERIFICATION_FAILED' } });
    expect(late.body.code).toBe('SMS_VERIFICATION_FAILED');
    expect((await progress(client, orderId)).sms[0]).toMatchObject({ status: 'failed', triesLeft: 0 });

    await w.advance(30 * MINUTE);
    const failed = await progress(client, orderId);
    expect(failed.status).toBe('sms_verification_failed');
    expect(failed.timeline.at(-1).reason).toContain('超过 5 次');
    expect((await w.messageTypes(client)).at(-1)).toBe('sms_verification_failed');
  });

  it('should count a wrong certificate suffix as a wrong try and refuse a mobile without an SMS', async () => {
    const { mobile } = await w.inSmsVerification(reviewer);

    expect(await w.verify(mobile, await w.lastCode(mobile), '123456')).toMatchObject({ body: { code: 'SMS_CODE_WRONG', details: { triesLeft: 4 } } });
    expect(await w.verify('13000000000', '123456')).toMatchObject({ status: 404, body: { code: 'SMS_VERIFICATION_NOT_FOUND' } });
    expect(await w.verify(mobile, await w.lastCode(mobile), CERT_LAST_SIX)).toEqual({ status: 200, body: { verified: true, othersPending: false } });
  });

  it('should answer that the entry is wrong or not yet synced when a verified code is entered again before its result reached the provider', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    const code = await w.lastCode(mobile);
    await w.verify(mobile, code);

    const again = await w.verify(mobile, code);
    await w.advance(61 * MINUTE);
    const afterSync = await w.verify(mobile, code);

    expect(again).toMatchObject({ status: 409, body: { code: 'SMS_RESULT_NOT_SYNCED', message: SMS_VERIFY_TEXTS.notMatchedOrUnsynced } });
    expect((await progress(client, orderId)).status).toBe('regulator_review');
    expect(afterSync).toMatchObject({ status: 404, body: { code: 'SMS_VERIFICATION_NOT_FOUND' } });
  });

  it('should tell the first of two principals that the other still has to verify, and the last one nothing more', async () => {
    const websiteMobile = freshMobile();
    const { mobile } = await w.inSmsVerification(reviewer, freshMobile(), websiteMobile);

    const first = await w.verify(mobile, await w.lastCode(mobile));
    const last = await w.verify(websiteMobile, await w.lastCode(websiteMobile));

    expect(first).toEqual({ status: 200, body: { verified: true, othersPending: true } });
    expect(last).toEqual({ status: 200, body: { verified: true, othersPending: false } });
  });

  it('should pass on the 管局 rejection with its reasons and let the applicant resubmit', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    const scripted = await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, {
      outcome: 'reject',
      afterWorkingDays: 2,
      reasons: ['网站名称涉及前置审批内容，请修改'],
    });
    expect(scripted).toEqual({ status: 200, body: { dueAt: null } });
    await w.verify(mobile, await w.lastCode(mobile));
    await w.advance(30 * MINUTE);
    expect((await progress(client, orderId)).status).toBe('regulator_review');

    await w.advance(DAY);
    expect((await progress(client, orderId)).status).toBe('regulator_review');
    await w.advance(3 * DAY);
    const rejected = await progress(client, orderId);
    expect(rejected).toMatchObject({ status: 'regulator_rejected', whoseMove: 'applicant' });
    expect(rejected.timeline.at(-1)).toMatchObject({ actor: 'regulator', reason: '网站名称涉及前置审批内容，请修改' });
    expect((await client.get('/api/messages')).body.items[0]).toMatchObject({
      type: 'regulator_rejected',
      body: expect.stringContaining('原因：网站名称涉及前置审批内容，请修改'),
    });
    expect((await client.post(`/api/orders/${orderId}/resubmit`)).body.status).toBe('pending_initial_review');
  });

  it('should leave the order with the 管局 when the script says it does not answer', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    await w.verify(mobile, await w.lastCode(mobile));
    await w.advance(30 * MINUTE);
    const scripted = await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'timeout', afterWorkingDays: 0 });

    await w.advance(40 * DAY);

    expect(scripted.body).toEqual({ dueAt: null });
    expect(await progress(client, orderId)).toMatchObject({ status: 'regulator_review', estimate: { minWorkingDays: 0, maxWorkingDays: 0 } });
  });

  it('should take a 取消接入 order to the 管局 without any SMS and approve it without numbers', async () => {
    const { user, client } = await devLogin(t.url, 'cancel-access-applicant');
    const orderId = randomUUID();
    const at = t.clock.now();
    await t.db.transaction(async (tx) => {
      await tx.insert(FilingOrderEntity, {
        id: orderId,
        ownerId: user.id,
        kind: 'cancel_access',
        subjectType: 'personal',
        serviceType: 'website',
        status: 'pending_regulator_submission',
        version: 1,
        submittedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await t.app.get(JobScheduler).schedule(tx, { type: ORDER_JOB.regulatorSubmit, payload: { orderId }, dueAt: at, dedupeKey: `test:${orderId}` });
    });
    const scripted = await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });

    await w.drain();
    const underReview = await progress(client, orderId);
    await w.advance(4 * DAY);

    expect(scripted.status).toBe(200);
    expect(underReview).toMatchObject({ status: 'regulator_review', sms: [] });
    expect(await t.db.manager.countBy(SmsVerificationEntity, { orderId })).toBe(0);
    const done = await progress(client, orderId);
    expect(done).toMatchObject({ status: 'approved', statusLabel: ORDER_KINDS.cancel_access.approvedLabel });
    expect(done.numbers).toBeUndefined();
  });

  it('should text one SMS per mobile for the principals of the kind, and none for 取消接入', () => {
    const draft = personalDraft();
    const kinds = Object.keys(ORDER_KINDS).filter(isOrderKind);

    const recipients = Object.fromEntries(kinds.map((kind) => [kind, smsRecipientsOf(kind, draft).map((r) => r.roles.join('+'))]));

    expect(recipients).toMatchObject({
      first_filing: ['subject_principal+service_principal'],
      add_service_local: ['service_principal'],
      cancel_subject: ['subject_principal'],
      cancel_service: ['service_principal'],
      cancel_access: [],
      cancel_access_batch: [],
      migrate_account: [],
    });
    expect(smsRecipientsOf('first_filing', draft)[0]).toMatchObject({ mobile: '13800138000', certLastSix: CERT_LAST_SIX });
  });
});
