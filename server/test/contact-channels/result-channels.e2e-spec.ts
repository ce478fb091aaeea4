import { randomUUID } from 'node:crypto';
import { fillResultTemplate, RESULT_TEMPLATES, type DevMailMessage, type DevSmsMessage, type ResultChannelSetting } from '@beian/shared';
import { personalDraft, type ApiTestKit } from '@beian/shared/testing';
import { MessageDeliveryEntity } from '../../src/notifications/message-delivery.entity';
import { MessageEntity } from '../../src/notifications/message.entity';
import { workflow } from '../regulator/workflow.support';
import { approveFirstFiling, submitFiling, withFreshPerson, type Applicant } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

/** Orders driven through submission or approval first: slower than one request on a busy machine. */
const FLOW_TIMEOUT = 120_000;

describe('progress results by SMS and e-mail to the applicant’s contact', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-results')).client.kit;
  });

  /** A fresh person's draft whose contact e-mail no other test uses. */
  function draftWithOwnEmail() {
    const draft = withFreshPerson(personalDraft());
    return { ...draft, subjectPrincipal: { ...draft.subjectPrincipal, email: `results-${randomUUID().slice(0, 8)}@example.com` } };
  }

  const notices = async (applicant: Applicant, mobile: string) =>
    (await applicant.client.kit.devSmsOutbox(mobile)).filter((m: DevSmsMessage) => !m.code).map((m) => m.content);
  const mails = async (applicant: Applicant, email: string) =>
    (await applicant.client.post<DevMailMessage[]>('/api/dev/mailbox/search', { email })).body.map((m) => ({ subject: m.subject, content: m.content }));

  async function rejected(applicant?: Applicant) {
    const filed = await submitFiling(t, w, { draft: draftWithOwnEmail(), ...(applicant ? { applicant } : {}) });
    await reviewer.ok('reject', 'POST', `/api/review/orders/${filed.orderId}/reject`, {
      reasons: [{ kind: 'field', path: 'websites.0.name', reason: '名称不规范', suggestion: '请修改网站名称' }],
    });
    await w.drain();
    const message = await t.db.manager.findOneByOrFail(MessageEntity, { orderId: filed.orderId, type: 'initial_review_rejected' });
    return { ...filed, message, mobile: filed.draft.subjectPrincipal!.mobile!, email: filed.draft.subjectPrincipal!.email! };
  }

  it(
    'should send a rejection by SMS and by e-mail with the rejection’s templates when the applicant kept both on',
    async () => {
      const { applicant, orderId, message, mobile, email } = await rejected();
      const order = orderId.replace(/-/g, '');

      const sms = await notices(applicant, mobile);
      const mail = await mails(applicant, email);

      expect(message.body).toContain('原因：');
      expect(sms).toContain(
        fillResultTemplate(RESULT_TEMPLATES.initial_review_rejected.sms, { order, body: message.body.replace(/\s*\n\s*/g, ' '), status: '' }),
      );
      expect(sms.some((text) => text.startsWith(`【备案】您的备案申请（订单${order}）已提交`))).toBe(true);
      const rejection = mail.find((m) => m.subject === RESULT_TEMPLATES.initial_review_rejected.emailSubject);
      expect(rejection?.content).toContain(RESULT_TEMPLATES.initial_review_rejected.emailLead);
      expect(rejection?.content).toContain(message.body);
      expect(rejection?.content).toContain(`订单号：${order}`);
      const ledger = await t.db.manager.findBy(MessageDeliveryEntity, { messageId: message.id });
      expect(ledger.map((row) => `${row.channel}:${row.status}`).sort()).toEqual(['email:sent', 'sms:sent']);
    },
    FLOW_TIMEOUT,
  );

  it(
    'should send the 管局 approval with its numbers by SMS and by e-mail',
    async () => {
      const approved = await approveFirstFiling(t, w, reviewer, { draft: draftWithOwnEmail() });
      const mobile = approved.draft.subjectPrincipal!.mobile!;
      const email = approved.draft.subjectPrincipal!.email!;
      const order = approved.orderId.replace(/-/g, '');

      const sms = await notices(approved.applicant, mobile);
      const mail = await mails(approved.applicant, email);

      expect(approved.numbers.length).toBeGreaterThan(0);
      const approval = sms.find((text) => text.startsWith(`【备案】恭喜，您的备案订单${order}管局审核已通过。`));
      expect(approval).toContain(`备案号：${approved.numbers.join('、')}`);
      const approvalMail = mail.find((m) => m.subject === RESULT_TEMPLATES.regulator_approved.emailSubject);
      expect(approvalMail?.content).toContain(RESULT_TEMPLATES.regulator_approved.emailLead);
      expect(approvalMail?.content).toContain(approved.numbers[0]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'should send nothing by SMS but still send the e-mail when the applicant turned SMS results off',
    async () => {
      const applicant = await devLogin(t.url, `results-off-${randomUUID().slice(0, 8)}`);
      expect((await applicant.client.get<ResultChannelSetting[]>('/api/notifications/result-channels')).body).toEqual([
        { channel: 'sms', label: '短信通知', enabled: true },
        { channel: 'email', label: '邮件通知', enabled: true },
      ]);
      const off = await applicant.client.put<ResultChannelSetting[]>('/api/notifications/result-channels/sms', { enabled: false });
      expect(off.body.map((s) => `${s.channel}:${s.enabled}`)).toEqual(['sms:false', 'email:true']);

      const { message, mobile, email } = await rejected(applicant);

      expect(await notices(applicant, mobile)).toEqual([]);
      expect((await mails(applicant, email)).map((m) => m.subject)).toContain(RESULT_TEMPLATES.initial_review_rejected.emailSubject);
      const sms = await t.db.manager.findOneByOrFail(MessageDeliveryEntity, { messageId: message.id, channel: 'sms' });
      expect([sms.status, sms.detail]).toEqual(['skipped', 'opted out']);
    },
    FLOW_TIMEOUT,
  );

  it('should refuse an unknown channel and a body without a flag on the field', async () => {
    const { client } = await devLogin(t.url, `results-bad-${randomUUID().slice(0, 8)}`);

    const unknown = await client.put('/api/notifications/result-channels/fax', { enabled: false });
    const noFlag = await client.put('/api/notifications/result-channels/email', { enabled: 'no' });

    expect(unknown.status).toBe(422);
    expect(unknown.body.fields[0]).toMatchObject({ path: 'channel', message: '不支持的通知方式' });
    expect(noFlag.status).toBe(422);
    expect(noFlag.body.fields[0].path).toBe('enabled');
  });
});
