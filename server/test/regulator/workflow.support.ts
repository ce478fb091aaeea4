import { randomUUID } from 'node:crypto';
import type { ErrorBody, SmsVerifyResponse } from '@beian/shared';
import { ApiTestKit, asNewPerson, personalDraft, principal, website } from '@beian/shared/testing';
import { JobRunner } from '../../src/jobs/job.runner';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { RegulatorSms } from '../../src/regulator/regulator-sms.port';
import type { SimulatorOutboxRegulatorSms } from '../../src/regulator/simulator-outbox.regulator-sms';
import { freshMobile } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, type TestApp } from '../support/test-app';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' } as const;
/** lastSixForSms(PERSON_ID) of the fixtures. */
export const CERT_LAST_SIX = '31002X';

export type Client = Awaited<ReturnType<typeof devLogin>>['client'];

/** Drives the after-submission workflow of a test app: jobs and outbox until nothing is due, time moved on demand. */
export function workflow(t: TestApp) {
  // Looked up at each use: a describe block's app (useTestApp) starts only before its first test.
  const sms = () => t.app.get(RegulatorSms) as SimulatorOutboxRegulatorSms;

  /** Until nothing is due: the outbox, the jobs its events start, and the outbox again for the jobs' own events. */
  async function drain(): Promise<void> {
    for (;;) {
      const [outbox, runner] = [t.app.get(OutboxWorker), t.app.get(JobRunner)];
      const ran = (await outbox.drain()) + (await runner.drain()) + (await outbox.drain());
      if (!ran) return;
    }
  }

  async function advance(ms: number): Promise<void> {
    t.clock.advance(ms);
    await drain();
  }

  /**
   * A personal first filing whose principal mobiles are `mobile` (the website's `websiteMobile` when given), submitted
   * by a new applicant; its face video confirmed by a reviewer unless `faceVideoConfirmed` is false.
   */
  async function submitted(mobile = freshMobile(), faceVideoConfirmed = true, websiteMobile = mobile) {
    const applicant = await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);
    const draft = asNewPerson(
      personalDraft({
        subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', mobile, email: 'zhangsan@example.com' },
        websites: [website({ principal: principal({ mobile: websiteMobile }) })],
      }),
    );
    const order = (await applicant.client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await applicant.client.kit.makeSubmittable(order.id, draft, await submittableMedia());
    const submit = await applicant.client.post(`/api/orders/${order.id}/submit`);
    if (submit.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submit.body)}`);
    if (faceVideoConfirmed) await (await devLogin(t.url, `审核员-${randomUUID().slice(0, 6)}`)).client.kit.confirmFaceChecks(order.id);
    await drain();
    return { ...applicant, orderId: order.id as string, mobile, draft };
  }

  /** The order after 初审 approval, once the system handed it to the 管局 (SMS sent). */
  async function inSmsVerification(reviewer: Client, mobile = freshMobile(), websiteMobile = mobile) {
    const order = await submitted(mobile, true, websiteMobile);
    const approved = await reviewer.post(`/api/review/orders/${order.orderId}/approve`);
    if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
    await drain();
    return order;
  }

  async function lastCode(mobile: string): Promise<string> {
    const text = (await sms().to(mobile)).at(-1)?.text ?? '';
    const code = /验证码为 (\d{6})/.exec(text)?.[1];
    if (!code) throw new Error(`no verification SMS for ${mobile}`);
    return code;
  }

  /** The simulated MIIT form, which the principal opens without a session. */
  const verify = (mobile: string, code: string, certLastSix = CERT_LAST_SIX) =>
    new ApiTestKit(t.url).call<Partial<SmsVerifyResponse & ErrorBody>>('POST', '/api/regulator-sim/sms-verify', { mobile, code, certLastSix });

  const messageTypes = async (client: Client) => ((await client.get('/api/messages?limit=50')).body.items as { type: string }[]).map((m) => m.type).reverse();

  return {
    drain,
    advance,
    submitted,
    inSmsVerification,
    lastCode,
    verify,
    messageTypes,
    get sms() {
      return sms();
    },
  };
}
