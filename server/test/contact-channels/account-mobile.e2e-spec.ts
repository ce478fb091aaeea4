import { randomUUID } from 'node:crypto';
import type { AccountView, Finding, PrecheckResponse } from '@beian/shared';
import { personalDraft, PERSONAL_WEBSITE, unitDraft } from '@beian/shared/testing';
import { AccountEntity } from '../../src/accounts/account.entity';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { workflow } from '../regulator/workflow.support';
import { freshMobile, withFreshPerson, type Applicant } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const at = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map((f) => `${f.path}:${f.severity}`);

describe('the account’s bound mobile (绑定手机) by SMS code, and the pre-check that uses it', () => {
  const t = useTestApp();

  beforeAll(async () => {
    workflow(t);
  });

  async function codeFor(applicant: Applicant, mobile: string): Promise<string> {
    await applicant.client.kit.ok('account mobile code', 'POST', '/api/sms/codes', { mobile, purpose: 'account_mobile' });
    return (await applicant.client.kit.devSmsOutbox(mobile))[0]!.code!;
  }

  async function bound(mobile: string): Promise<Applicant> {
    const applicant = await devLogin(t.url, `bind-${randomUUID().slice(0, 8)}`);
    const res = await applicant.client.post<AccountView>('/api/accounts/me/mobile', { mobile, code: await codeFor(applicant, mobile) });
    expect(res.status).toBe(200);
    return applicant;
  }

  it('should bind the mobile with the right code, show it masked and keep it encrypted with a blind index', async () => {
    const applicant = await devLogin(t.url, `bind-${randomUUID().slice(0, 8)}`);
    const mobile = freshMobile();
    const code = await codeFor(applicant, mobile);
    const wrong = code === '000000' ? '111111' : '000000';

    const refused = await applicant.client.post('/api/accounts/me/mobile', { mobile, code: wrong });
    const accepted = await applicant.client.post<AccountView>('/api/accounts/me/mobile', { mobile, code });
    const replayed = await applicant.client.post('/api/accounts/me/mobile', { mobile, code });

    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual([{ path: 'code', code: 'SMS_CODE_WRONG', message: '验证码错误，请重新输入（还可尝试4次）' }]);
    expect(accepted.body.mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    expect(replayed.body.fields[0].code).toBe('SMS_CODE_EXPIRED');
    expect((await applicant.client.get<AccountView>('/api/accounts/me')).body.mobileMasked).toBe(accepted.body.mobileMasked);
    const row = await t.db.manager.findOneByOrFail(AccountEntity, { userId: applicant.user.id });
    expect(row.mobile).not.toContain(mobile);
    expect(row.mobileIndex).toBe(t.app.get(FieldCipher).blindIndex(mobile));
  });

  it('should refuse a code sent to another mobile and a malformed mobile on its field', async () => {
    const applicant = await devLogin(t.url, `bind-${randomUUID().slice(0, 8)}`);
    const code = await codeFor(applicant, freshMobile());

    const other = await applicant.client.post('/api/accounts/me/mobile', { mobile: freshMobile(), code });
    const malformed = await applicant.client.post('/api/accounts/me/mobile', { mobile: '1234', code });

    expect(other.body.fields[0]).toMatchObject({ path: 'code', code: 'SMS_CODE_EXPIRED' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.fields[0]).toMatchObject({ path: 'mobile', code: 'MOBILE_FORMAT', message: '请输入11位中国大陆手机号码（以13至19开头）' });
    expect((await applicant.client.get<AccountView>('/api/accounts/me')).body.mobileMasked).toBeNull();
  });

  it('should refuse, as an error, a personal filing whose mobile is not the bound phone, and accept the bound phone', async () => {
    const mobile = freshMobile();
    const applicant = await bound(mobile);
    const order = await applicant.client.kit.createOrder(PERSONAL_WEBSITE);
    const filled = await applicant.client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());

    const submitted = await applicant.client.post(`/api/orders/${order.id}/submit`);
    const precheck = (await applicant.client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`)).body.findings;

    expect(submitted.status).toBe(422);
    expect(submitted.body.code).toBe('PRECHECK_FAILED');
    expect(submitted.body.fields).toContainEqual({
      path: 'subjectPrincipal.mobile',
      code: 'PERSONAL_MOBILE_NOT_ACCOUNT',
      message: '个人备案的手机号须与账号绑定的手机号一致，请填写绑定手机号或先修改账号绑定手机',
    });
    expect(at(precheck, 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual(['subjectPrincipal.mobile:error']);

    const { version } = (await applicant.client.get(`/api/orders/${order.id}`)).body;
    await applicant.client.kit.saveDraft(order.id, { version, draft: { subjectPrincipal: { ...filled.subjectPrincipal, mobile } } });
    const same = (await applicant.client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`)).body.findings;
    expect(at(same, 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual([]);
  });

  it('should not hold a unit filing to the bound phone', async () => {
    const applicant = await bound(freshMobile());
    const order = await applicant.client.kit.createOrder({ kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
    await applicant.client.kit.saveDraft(order.id, { version: order.version, draft: withFreshPerson(unitDraft()) });

    const findings = (await applicant.client.get<PrecheckResponse>(`/api/orders/${order.id}/precheck`)).body.findings;

    expect(at(findings, 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual([]);
  });
});
