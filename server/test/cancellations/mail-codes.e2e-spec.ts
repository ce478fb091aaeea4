import { SMS_LIMITS, type CancellationView } from '@beian/shared';
import { asNewPerson, personalDraft, type ApiTestKit } from '@beian/shared/testing';
import { workflow } from '../regulator/workflow.support';
import { filedSubject, startCancellation, type FiledSubject } from '../support/cancellation-flow';
import { withFreshPerson } from '../support/filing-flow';
import { LocalSmtpServer } from '../support/local-smtp.server';
import { devLogin, useTestApp } from '../support/test-app';

describe('cancellations: the verification code by e-mail, sent with MAIL_PROVIDER=smtp to a real SMTP peer on loopback', () => {
  const smtp = new LocalSmtpServer();
  const t = useTestApp(() => ({ MAIL_PROVIDER: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: '备案服务 <noreply@beian.test>' }), [smtp]);
  const w = workflow(t);
  let reviewer: ApiTestKit;
  let mailbox = 0;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-mail')).client.kit;
  });
  beforeEach(() => {
    smtp.refuseRecipients = false;
  });

  /** A subject whose principal has an address no other test uses (codes are limited per address). */
  async function filedWithEmail(): Promise<FiledSubject & { email: string }> {
    mailbox += 1;
    const email = `owner${mailbox}-${process.pid}@mail.example.cn`;
    const draft = withFreshPerson(asNewPerson(personalDraft()));
    const filed = await filedSubject(t, w, reviewer, 1, {
      ...draft,
      subjectPrincipal: { ...draft.subjectPrincipal!, email },
      websites: draft.websites!.map((s) => ({ ...s, principal: { ...s.principal!, email } })),
    });
    return { ...filed, email };
  }

  const codeIn = (text: string) => /验证码为(\d{6})/.exec(text)?.[1];

  it('should mail the code to the principal on record and confirm the order with it', async () => {
    const filed = await filedWithEmail();
    const { orderId } = await startCancellation(filed, 'cancel_access', filed.serviceIds);

    const sent = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'email' });
    const mail = smtp.received.at(-1)!;
    const verified = await filed.applicant.client.post<CancellationView>(`/api/orders/${orderId}/cancellation/verify`, {
      channel: 'email',
      code: codeIn(mail.text),
    });

    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'email', addressMasked: `o***@mail.example.cn` });
    expect(mail.from).toBe('noreply@beian.test');
    expect(mail.to).toEqual([filed.email]);
    expect(mail.text).toContain('【备案】取消接入验证码');
    expect(mail.text).toContain(`分钟内有效`);
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
  });

  it('should count a wrong mailed code and lock the code after the last try', async () => {
    const filed = await filedWithEmail();
    const { orderId } = await startCancellation(filed, 'cancel_access', filed.serviceIds);
    await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'email' });
    const right = codeIn(smtp.received.at(-1)!.text)!;
    const wrong = right === '000000' ? '111111' : '000000';

    const answers = [];
    for (let i = 0; i < SMS_LIMITS.maxTries; i++)
      answers.push(await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/verify`, { channel: 'email', code: wrong }));
    const late = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/verify`, { channel: 'email', code: right });

    expect(answers.map((a) => a.body.fields[0].message)).toEqual([
      '验证码错误，请重新输入（还可尝试4次）',
      '验证码错误，请重新输入（还可尝试3次）',
      '验证码错误，请重新输入（还可尝试2次）',
      '验证码错误，请重新输入（还可尝试1次）',
      '验证码错误次数过多，请重新获取验证码',
    ]);
    expect(late.body.fields).toEqual([{ path: 'code', code: 'CODE_EXHAUSTED', message: '验证码错误次数过多，请重新获取验证码' }]);
  });

  it('should answer 502 when the SMTP server refuses the message, without counting the code', async () => {
    const filed = await filedWithEmail();
    const { orderId } = await startCancellation(filed, 'cancel_access', filed.serviceIds);
    smtp.refuseRecipients = true;

    const refused = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'email' });
    smtp.refuseRecipients = false;
    const retried = await filed.applicant.client.post(`/api/orders/${orderId}/cancellation/codes`, { channel: 'email' });

    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ code: 'MAIL_UNAVAILABLE', message: '邮件服务暂时不可用，请稍后再试或选择手机验证' });
    expect(retried.status).toBe(201);
  });
});
