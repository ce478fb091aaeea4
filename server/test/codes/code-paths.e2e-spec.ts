import { randomUUID } from 'node:crypto';
import { CODE_LIMITS, RESOURCE_RULES, type Draft, type FilingCodeView, type FilingTypeVerifyRequest } from '@beian/shared';
import { personalDraft, type ApiTestKit } from '@beian/shared/testing';
import { workflow } from '../regulator/workflow.support';
import { cancelAll, filedSubject, type FiledSubject } from '../support/cancellation-flow';
import { chinaNoonIn, cvm } from '../resources/resource.support';
import { approveSubmitted, withFreshPerson } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { codesAccount, grantCodes, registerInstance, stateOf, type Account } from './codes.support';

const FLOW_TIMEOUT = 180_000;

describe('code paths: 验证备案类型 with a 授权码, same-account 服务码, 未绑定实例, used stays used', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: ApiTestKit;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-code-paths')).client.kit;
  });

  const generate = async (owner: Account, instanceId: string, holder: Account) =>
    (await owner.kit.ok<FilingCodeView>('授权码', 'POST', '/api/codes/authorization', { instanceId, targetAccountId: holder.accountId })).code;

  function draftOn(resource: Record<string, string>): Draft {
    const draft = withFreshPerson(personalDraft());
    return { ...draft, websites: draft.websites!.map((site) => ({ ...site, resource })) };
  }

  function verifyFacts(draft: Draft, authorizationCode?: string): FilingTypeVerifyRequest {
    const subject = draft.subject!;
    return {
      regionCode: subject.regionCode!,
      subjectNature: subject.nature!,
      certificateType: subject.certificateType!,
      certificateNumber: subject.certificateNumber!,
      subjectName: subject.name!,
      serviceType: 'website',
      // A domain nobody filed: the decision is then 首次备案.
      domain: `paths-${randomUUID().slice(0, 8)}.example.cn`,
      ...(authorizationCode ? { authorizationCode } : {}),
    };
  }

  /** Submitted by `applicant` and approved through 初审, the MIIT SMS and the 管局: the subject as the cancellation flow needs it. */
  const filed = (applicant: Account, draft: Draft): Promise<FiledSubject> => filedSubject(t, w, reviewer, 1, draft, applicant);

  it(
    'should refuse at 验证备案类型 a forged, a used and a revoked 授权码 on its field, and accept one the caller may file with',
    async () => {
      const owner = await codesAccount(t, 'paths-owner-1');
      const holder = await codesAccount(t, 'paths-holder-1', false);
      const { instanceId } = await registerInstance(owner);
      const usable = await generate(owner, instanceId, holder);
      const revokedCode = await owner.kit.ok<FilingCodeView>('授权码', 'POST', '/api/codes/authorization', { instanceId, targetAccountId: holder.accountId });
      await owner.kit.ok('revoke', 'POST', `/api/codes/authorization/${revokedCode.codeId}/revoke`, {});
      const usedCode = await generate(owner, instanceId, holder);
      await filed(holder, draftOn({ type: 'authorization_code', authorizationCode: usedCode }));
      const facts = verifyFacts(withFreshPerson(personalDraft()));
      const verify = (code: string) => holder.client.post('/api/filing-type/verify', { ...facts, authorizationCode: code });

      const forged = await verify('BAFORGED23456789');
      const used = await verify(usedCode);
      const revoked = await verify(revokedCode.code);
      const accepted = await verify(usable.toLowerCase());
      const created = await holder.client.post('/api/orders', {
        kind: 'first_filing',
        subjectType: 'personal',
        serviceType: 'website',
        verification: { ...facts, authorizationCode: usedCode },
      });

      const refusal = (message: string) => [{ path: 'authorizationCode', code: 'CODE_UNAVAILABLE', message }];
      expect(forged.status).toBe(422);
      expect(forged.body.fields).toEqual(refusal('备案授权码不存在或不是授权给当前账号的，请核对后重新输入'));
      expect(used.body.fields).toEqual(refusal(`备案授权码已使用：${CODE_LIMITS.oneCodeOneService.rule}`));
      expect(revoked.body.fields).toEqual(refusal('备案授权码已失效，请到服务码管理页面查看或联系授权账号重新生成'));
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ outcome: 'new_order', kind: 'first_filing' });
      expect(created.status).toBe(422);
      expect(created.body.fields).toEqual(refusal(`备案授权码已使用：${CODE_LIMITS.oneCodeOneService.rule}`));
    },
    FLOW_TIMEOUT,
  );

  it('should refuse at 验证备案类型 a 授权码 for another account, and at 验证备案类型 and submission one whose server no longer backs a filing', async () => {
    const owner = await codesAccount(t, 'paths-owner-2');
    const holder = await codesAccount(t, 'paths-holder-2', false);
    const stranger = await codesAccount(t, 'paths-stranger-2', false);
    const { instanceId } = await registerInstance(owner);
    const code = await generate(owner, instanceId, holder);
    const facts = verifyFacts(withFreshPerson(personalDraft()), code);

    const forStranger = await stranger.client.post('/api/filing-type/verify', facts);
    // The same server turned 按量计费: it can back no filing, so its code points nowhere usable.
    await owner.kit.ok('按量计费', 'PUT', `/api/sim/resources/${instanceId}`, cvm(t, { expiresAt: chinaNoonIn(t, 36), billingMode: 'postpaid' }));
    const ineligible = await holder.client.post('/api/filing-type/verify', facts);
    const order = await holder.kit.createOrder();
    await holder.kit.saveDraft(order.id, { version: order.version, draft: draftOn({ type: 'authorization_code', authorizationCode: code }) });
    const atSubmission = await holder.client.get(`/api/orders/${order.id}/precheck`);

    expect(forStranger.body.fields).toEqual([
      { path: 'authorizationCode', code: 'CODE_UNAVAILABLE', message: '备案授权码不存在或不是授权给当前账号的，请核对后重新输入' },
    ]);
    expect(ineligible.body.fields).toEqual([
      { path: 'authorizationCode', code: 'CODE_UNAVAILABLE', message: `备案授权码指向的服务器不能用于备案：${RESOURCE_RULES.pay_as_you_go.reason}` },
    ]);
    expect(atSubmission.body.fields).toContainEqual({
      source: expect.any(String),
      path: 'websites.0.resource.authorizationCode',
      code: 'CODE_UNAVAILABLE',
      message: `备案授权码指向的服务器不能用于备案：${RESOURCE_RULES.pay_as_you_go.reason}`,
    });
  });

  it(
    'should make one 服务码 of the account when an instance is picked, never two on saving or picking it again, 备案中 on submission and 已备案 on approval',
    async () => {
      const applicant = await codesAccount(t, 'paths-same-3', false);
      const { instanceId, publicIp } = await registerInstance(applicant);
      const draft = draftOn({ type: 'instance', instanceId });
      const order = await applicant.kit.createOrder();
      const site = draft.websites![0]!;

      const other = await registerInstance(applicant);
      const onOther = { ...site, resource: { type: 'instance' as const, instanceId: other.instanceId } };
      let version = order.version;
      const save = async (websites: (typeof site)[]) => (version = (await applicant.kit.saveDraft(order.id, { version, draft: { websites } })).version);
      await save([site]);
      await save([site]);
      const afterPicking = await applicant.kit.ok<FilingCodeView[]>('own', 'GET', '/api/codes/service?tab=own');
      // Picked elsewhere, then back: the first instance's code is the one it made before.
      await save([onOther]);
      await save([site]);
      const afterRepicking = await applicant.kit.ok<FilingCodeView[]>('own', 'GET', '/api/codes/service?tab=own');
      const ready = await applicant.kit.makeSubmittable(order.id, draft, await submittableMedia());
      await applicant.kit.submit(order.id);
      await w.drain();
      const submitted = await applicant.kit.ok<FilingCodeView[]>('own', 'GET', '/api/codes/service?tab=own');
      await approveSubmitted(w, applicant, order.id, ready, reviewer);
      const received = await applicant.kit.ok<FilingCodeView[]>('received', 'GET', '/api/codes/service?tab=received');

      expect(afterPicking).toHaveLength(1);
      expect(afterPicking[0]).toMatchObject({ kind: 'service', instanceId, publicIp, stateLabel: '可使用', ownerAccountId: applicant.accountId });
      expect(afterPicking[0]!.holderAccountId).toBe(applicant.accountId);
      expect(afterRepicking.map((c) => c.instanceId).sort()).toEqual([instanceId, other.instanceId].sort());
      expect(afterRepicking.find((c) => c.instanceId === instanceId)?.code).toBe(afterPicking[0]!.code);
      expect(submitted.map((c) => [c.code, c.stateLabel])).toContainEqual([afterPicking[0]!.code, '备案中']);
      expect(submitted.find((c) => c.instanceId === other.instanceId)?.stateLabel).toBe('可使用');
      expect(await stateOf(applicant, '/api/codes/service?tab=own', afterPicking[0]!.code)).toBe('已备案');
      expect(received).toEqual([]);
    },
    FLOW_TIMEOUT,
  );

  it('should grant 服务码 未绑定实例 without a server, refuse them until the grantor binds one to an eligible instance, then offer them', async () => {
    const grantor = await codesAccount(t, 'paths-unbound-4');
    const receiver = await codesAccount(t, 'paths-unbound-r4', false);
    const eligible = await registerInstance(grantor);
    const postpaid = await registerInstance(grantor, { billingMode: 'postpaid' });
    const [code] = await grantCodes(grantor, null, receiver);
    const check = () => receiver.client.post('/api/codes/check', { kind: 'service', code: code!.code });

    const whileUnbound = await check();
    const receivedUnbound = await stateOf(receiver, '/api/codes/service?tab=received', code!.code);
    const byReceiver = await receiver.client.post(`/api/codes/service/${code!.codeId}/bind`, { instanceId: eligible.instanceId });
    const toIneligible = await grantor.client.post(`/api/codes/service/${code!.codeId}/bind`, { instanceId: postpaid.instanceId });
    const bound = await grantor.client.post<FilingCodeView>(`/api/codes/service/${code!.codeId}/bind`, { instanceId: eligible.instanceId });
    const again = await grantor.client.post(`/api/codes/service/${code!.codeId}/bind`, { instanceId: eligible.instanceId });

    expect(code).toMatchObject({ instanceId: null, publicIp: null, stateLabel: '未绑定实例' });
    expect(whileUnbound.body.fields).toEqual([
      { path: 'code', code: 'CODE_UNAVAILABLE', message: 'ICP备案服务码未绑定实例，请授权账号在服务码管理中绑定云服务器后再使用' },
    ]);
    expect(receivedUnbound).toBe('未绑定实例');
    expect(byReceiver.status).toBe(404);
    expect(toIneligible.body.fields).toEqual([
      { path: 'instanceId', code: 'CODE_INSTANCE_INELIGIBLE', message: `该服务器不能用于备案：${RESOURCE_RULES.pay_as_you_go.reason}` },
    ]);
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ instanceId: eligible.instanceId, publicIp: eligible.publicIp, stateLabel: '可使用' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CODE_NOT_BINDABLE');
    expect((await check()).body).toMatchObject({ code: code!.code, publicIp: eligible.publicIp });
    expect(await stateOf(receiver, '/api/codes/service?tab=received', code!.code)).toBe('可使用');
  });

  it(
    'should keep a 授权码 已使用 after its service is 注销 and a same-account 服务码 已备案 after 取消接入 (seed 004 L21)',
    async () => {
      const owner = await codesAccount(t, 'paths-used-owner-5');
      const holder = await codesAccount(t, 'paths-used-holder-5', false);
      const ownServer = await registerInstance(holder);
      const authorizationCode = await generate(owner, (await registerInstance(owner)).instanceId, holder);
      const byCode = await filed(holder, draftOn({ type: 'authorization_code', authorizationCode }));
      const byInstance = await filed(holder, draftOn({ type: 'instance', instanceId: ownServer.instanceId }));
      const [serviceCode] = await holder.kit.ok<FilingCodeView[]>('own', 'GET', '/api/codes/service?tab=own');

      const cancelledService = await cancelAll(w, byCode, reviewer, 'cancel_service');
      const accessEnded = await cancelAll(w, byInstance, reviewer, 'cancel_access');
      const reuse = await holder.client.post('/api/codes/check', { kind: 'authorization', code: authorizationCode });

      expect(cancelledService.status).toBe('approved');
      expect(accessEnded.status).toBe('approved');
      expect(await stateOf(owner, '/api/codes/authorization', authorizationCode)).toBe('已使用');
      expect(await stateOf(holder, '/api/codes/service?tab=own', serviceCode!.code)).toBe('已备案');
      expect(reuse.body.fields).toEqual([{ path: 'code', code: 'CODE_UNAVAILABLE', message: `备案授权码已使用：${CODE_LIMITS.oneCodeOneService.rule}` }]);
    },
    FLOW_TIMEOUT,
  );
});
