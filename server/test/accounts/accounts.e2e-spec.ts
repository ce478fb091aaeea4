import { ACCOUNT_ID_PATTERN, type AccountView } from '@beian/shared';
import { USCC, freshPersonId } from '@beian/shared/testing';
import { AccountEntity } from '../../src/accounts/account.entity';
import { SIMULATED_MISMATCH_NAME } from '../../src/accounts/simulated.real-name-verifier';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { devLogin, useTestApp } from '../support/test-app';

describe('accounts: the visible account ID, 主账号 / 子账号 and 实名认证', () => {
  const t = useTestApp();

  const login = (name: string) => devLogin(t.url, `${name}-${Math.random().toString(36).slice(2, 8)}`);

  it('should give each user one stable twelve-digit main account ID when it is first read, even by two reads at once', async () => {
    const first = await login('acct-a');
    const second = await login('acct-b');

    const [a1, a2] = await Promise.all([first.client.get<AccountView>('/api/accounts/me'), first.client.get<AccountView>('/api/accounts/me')]);
    const again = await first.client.get<AccountView>('/api/accounts/me');
    const other = await second.client.get<AccountView>('/api/accounts/me');

    expect(a1.body).toEqual({
      accountId: expect.stringMatching(ACCOUNT_ID_PATTERN),
      accountType: 'main',
      accountTypeLabel: '主账号',
      realName: null,
      mobileMasked: null,
    });
    expect(a2.body.accountId).toBe(a1.body.accountId);
    expect(again.body.accountId).toBe(a1.body.accountId);
    expect(other.body.accountId).not.toBe(a1.body.accountId);
  });

  it('should verify a person by name and ID number, keep both encrypted and show them masked', async () => {
    const person = await login('acct-person');
    const id = freshPersonId();

    const badNumber = await person.client.post('/api/accounts/me/real-name', { type: 'personal', name: '张三', certificateNumber: '110101199003070012' });
    const mismatch = await person.client.post('/api/accounts/me/real-name', { type: 'personal', name: SIMULATED_MISMATCH_NAME, certificateNumber: id });
    const verified = await person.client.post<AccountView>('/api/accounts/me/real-name', {
      type: 'personal',
      name: '张小三',
      certificateNumber: id.toLowerCase(),
    });
    const twice = await person.client.post('/api/accounts/me/real-name', { type: 'personal', name: '张小三', certificateNumber: id });
    const row = await t.db.manager.findOneByOrFail(AccountEntity, { userId: person.user.id });

    expect(badNumber.status).toBe(422);
    expect(badNumber.body.fields).toEqual([{ path: 'certificateNumber', code: 'REAL_NAME_CERTIFICATE_INVALID', message: '请填写正确的居民身份证号码' }]);
    expect(mismatch.body.fields).toEqual([{ path: 'name', code: 'REAL_NAME_MISMATCH', message: '实名认证未通过：姓名与身份证号码不一致' }]);
    expect(verified.status).toBe(200);
    expect(verified.body.realName).toEqual({
      type: 'personal',
      typeLabel: '个人认证',
      nameMasked: '张**',
      certificateNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      verifiedAt: t.clock.now().toISOString(),
    });
    expect(twice.body.fields[0].code).toBe('REAL_NAME_DONE');
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('张小三');
    expect(row.realNameIndex).toBe(t.app.get(FieldCipher).blindIndex(id));
  });

  it('should keep only one of two 实名认证 submitted at once', async () => {
    const person = await login('acct-race');
    await person.client.get('/api/accounts/me');

    const answers = await Promise.all(
      [freshPersonId(), freshPersonId()].map((certificateNumber) =>
        person.client.post('/api/accounts/me/real-name', { type: 'personal', name: '王五', certificateNumber }),
      ),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    expect(answers.find((a) => a.status === 422)?.body.fields[0].code).toBe('REAL_NAME_DONE');
  });

  it('should verify an enterprise by unit name and credit code, showing the unit name in full', async () => {
    const unit = await login('acct-unit');

    const verified = await unit.client.post<AccountView>('/api/accounts/me/real-name', {
      type: 'enterprise',
      name: '示例科技有限公司',
      certificateNumber: USCC,
    });

    expect(verified.body.realName).toMatchObject({ type: 'enterprise', typeLabel: '企业认证', nameMasked: '示例科技有限公司' });
    expect(verified.body.realName?.certificateNumberMasked).toBe(`${USCC.slice(0, 4)}**********${USCC.slice(-4)}`);
  });

  it('should let a main account make a 子账号 in the simulator, with an account ID of its own under the main account', async () => {
    const main = await login('acct-main');
    const mainView = await main.client.get<AccountView>('/api/accounts/me');

    const sub = await main.client.post<AccountView>('/api/sim/accounts/sub-accounts');
    const row = await t.db.manager.findOneByOrFail(AccountEntity, { accountNumber: sub.body.accountId });

    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ accountType: 'sub', accountTypeLabel: '子账号', realName: null });
    expect(sub.body.accountId).not.toBe(mainView.body.accountId);
    expect(row.parentUserId).toBe(main.user.id);
  });
});
