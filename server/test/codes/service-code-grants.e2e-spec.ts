import { CODE_LIMITS, SERVICE_CODE_PICKER_HINT, type FilingCodeView } from '@beian/shared';
import { personalDraft } from '@beian/shared/testing';
import { DAY, workflow } from '../regulator/workflow.support';
import { submitFiling, withFreshPerson } from '../support/filing-flow';
import { useTestApp } from '../support/test-app';
import { codesAccount, grantCodes, grantSmsCode, refundInstance, registerInstance, stateOf } from './codes.support';

const LIMIT_TIMEOUT = 60_000;

describe('ICP备案服务码 granted to other accounts (seed 004)', () => {
  const t = useTestApp();
  const w = workflow(t);

  it('should ask for a phone code on the first grant to a target only, and list the codes on both tabs', async () => {
    const grantor = await codesAccount(t, 'grant-owner-1');
    const receiver = await codesAccount(t, 'grant-receiver-1', false);
    const { instanceId } = await registerInstance(grantor);
    const request = { instanceId, count: 2, targetAccountId: receiver.accountId, remark: '官网备案' };

    const first = await grantor.client.post('/api/codes/service/grants/verify', request);
    const withoutCode = await grantor.client.post('/api/codes/service/grants', { ...request, mobile: '13900000000' });
    const granted = await grantor.client.post<FilingCodeView[]>('/api/codes/service/grants', { ...request, ...(await grantSmsCode(grantor)) });
    const second = await grantor.client.post('/api/codes/service/grants/verify', request);
    const again = await grantor.client.post<FilingCodeView[]>('/api/codes/service/grants', { ...request, count: 1 });
    const own = await grantor.kit.ok<FilingCodeView[]>('own', 'GET', '/api/codes/service?tab=own');
    const received = await receiver.kit.ok<FilingCodeView[]>('received', 'GET', '/api/codes/service?tab=received');

    expect(first.body).toEqual({ needsSmsCode: true, targetAccountId: receiver.accountId });
    expect(withoutCode.body.fields).toEqual([{ path: 'smsCode', code: 'GRANT_SMS_REQUIRED', message: '首次授权至该账号，请输入手机验证码' }]);
    expect(granted.status).toBe(201);
    expect(granted.body).toHaveLength(2);
    expect(second.body).toEqual({ needsSmsCode: false, targetAccountId: receiver.accountId });
    expect(again.status).toBe(201);
    expect(own.map((c) => c.stateLabel)).toEqual(['可使用', '可使用', '可使用']);
    expect(received.map((c) => [c.ownerAccountId, c.remark])).toEqual(Array(3).fill([grantor.accountId, '官网备案']));
  });

  it('should be 备案中 while an order uses it, 可使用 again after withdrawal, 已退费 for the grantor and 已失效 for the receiver after a refund', async () => {
    const grantor = await codesAccount(t, 'grant-owner-2');
    const receiver = await codesAccount(t, 'grant-receiver-2', false);
    const { instanceId } = await registerInstance(grantor);
    const [code] = await grantCodes(grantor, instanceId, receiver);
    const draft = withFreshPerson(personalDraft());
    const withCode = { ...draft, websites: draft.websites!.map((s) => ({ ...s, resource: { type: 'service_code' as const, serviceCode: code!.code } })) };

    const filing = await submitFiling(t, w, { applicant: receiver, draft: withCode });
    const whileFiling = await stateOf(receiver, '/api/codes/service?tab=received', code!.code);
    await receiver.client.post(`/api/orders/${filing.orderId}/withdraw`, {});
    const afterWithdrawal = await stateOf(receiver, '/api/codes/service?tab=received', code!.code);
    await refundInstance(grantor, instanceId);

    expect(whileFiling).toBe('备案中');
    expect(afterWithdrawal).toBe('可使用');
    expect(await stateOf(grantor, '/api/codes/service?tab=own', code!.code)).toBe('已退费');
    expect(await stateOf(receiver, '/api/codes/service?tab=received', code!.code)).toBe('已失效');
    expect(SERVICE_CODE_PICKER_HINT).toContain('服务码管理');
  });

  it('should refuse a grant from an account that is not 企业认证, with the seed’s words', async () => {
    const personal = await codesAccount(t, 'grant-personal-3', false);
    const receiver = await codesAccount(t, 'grant-receiver-3', false);
    const { instanceId } = await registerInstance(personal);

    const refused = await personal.client.post('/api/codes/service/grants/verify', { instanceId, count: 1, targetAccountId: receiver.accountId });

    expect(refused.body.fields).toEqual([{ path: 'instanceId', code: 'GRANT_ENTERPRISE_ONLY', message: CODE_LIMITS.enterpriseOnlySince.rule }]);
  });

  it(
    'should let a grantor reach a 10th distinct account in a year and refuse the 11th, while more codes to a reached account still pass',
    async () => {
      const grantor = await codesAccount(t, 'grant-owner-4');
      const { instanceId } = await registerInstance(grantor);
      const targets = [];
      for (let i = 1; i <= 11; i++) targets.push(await codesAccount(t, `grant-target-4-${i}`, false));

      for (const target of targets.slice(0, 5)) await grantCodes(grantor, instanceId, target);
      // The SMS limit of 10 codes a day per account, not the grant limit, would stop the phone codes.
      t.clock.advance(DAY);
      for (const target of targets.slice(5, 10)) await grantCodes(grantor, instanceId, target);
      const eleventh = await grantor.client.post('/api/codes/service/grants/verify', { instanceId, count: 1, targetAccountId: targets[10]!.accountId });
      const moreToTenth = await grantor.client.post('/api/codes/service/grants', { instanceId, count: 5, targetAccountId: targets[9]!.accountId });

      expect(eleventh.status).toBe(422);
      expect(eleventh.body.fields).toEqual([
        { path: 'targetAccountId', code: 'GRANT_TARGETS_EXCEEDED', message: CODE_LIMITS.grantorDistinctTargetsPerYear.rule },
      ]);
      expect(moreToTenth.status).toBe(201);
    },
    LIMIT_TIMEOUT,
  );

  it('should let a receiver take codes from a 3rd distinct grantor and refuse the 4th', async () => {
    const receiver = await codesAccount(t, 'grant-receiver-5', false);
    const grantors = [];
    for (let i = 1; i <= 4; i++) {
      const grantor = await codesAccount(t, `grant-owner-5-${i}`);
      grantors.push({ grantor, instanceId: (await registerInstance(grantor)).instanceId });
    }

    for (const { grantor, instanceId } of grantors.slice(0, 3)) await grantCodes(grantor, instanceId, receiver);
    const fourth = grantors[3]!;
    const refused = await fourth.grantor.client.post('/api/codes/service/grants/verify', {
      instanceId: fourth.instanceId,
      count: 1,
      targetAccountId: receiver.accountId,
    });

    expect(refused.body.fields).toEqual([
      { path: 'targetAccountId', code: 'GRANT_GRANTORS_EXCEEDED', message: CODE_LIMITS.receiverDistinctGrantorsPerYear.rule },
    ]);
  });

  it('should count a new natural year (China time) afresh', async () => {
    t.clock.set(new Date('2026-12-31T23:00:00+08:00'));
    const receiver = await codesAccount(t, 'grant-receiver-6', false);
    const grantors = [];
    for (let i = 1; i <= 4; i++) {
      const grantor = await codesAccount(t, `grant-owner-6-${i}`);
      grantors.push({ grantor, instanceId: (await registerInstance(grantor)).instanceId });
    }
    for (const { grantor, instanceId } of grantors.slice(0, 3)) await grantCodes(grantor, instanceId, receiver);

    const fourth = { instanceId: grantors[3]!.instanceId, count: 1, targetAccountId: receiver.accountId };
    const sameYear = await grantors[3]!.grantor.client.post('/api/codes/service/grants/verify', fourth);
    t.clock.set(new Date('2027-01-01T00:30:00+08:00'));
    const nextYear = await grantCodes(grantors[3]!.grantor, grantors[3]!.instanceId, receiver);

    expect(sameYear.body.fields?.[0]?.code).toBe('GRANT_GRANTORS_EXCEEDED');
    expect(nextYear).toHaveLength(1);
  });
});
