import { CODE_LIMITS, type FilingCodeView } from '@beian/shared';
import { personalDraft } from '@beian/shared/testing';
import { DAY, workflow } from '../regulator/workflow.support';
import { chinaNoonIn } from '../resources/resource.support';
import { submitFiling, withFreshPerson } from '../support/filing-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { codesAccount, grantCodes, registerInstance, type Account } from './codes.support';

const FLOW_TIMEOUT = 120_000;

describe('codes: a server that expires (no 退费) takes its unused 授权码 / 服务码 with it', () => {
  let t: TestApp;
  let w: ReturnType<typeof workflow>;

  beforeAll(async () => {
    // Sessions outlive the two months the server has left.
    t = await startTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
    w = workflow(t);
  });
  afterAll(() => t.close());

  const listed = async (account: Account, path: string, code: string) =>
    (await account.kit.ok<FilingCodeView[]>('codes', 'GET', path)).find((c) => c.code === code);

  it(
    'should show the 授权码 of an expired server 已失效 with the expiry as the reason, refuse it to its holder, and keep it dead when the order reserving it is withdrawn',
    async () => {
      const owner = await codesAccount(t, 'expiry-owner-1');
      const holder = await codesAccount(t, 'expiry-holder-1', false);
      const { instanceId } = await registerInstance(owner, { expiresAt: chinaNoonIn(t, 2) });
      const spare = await owner.client.post<FilingCodeView>('/api/codes/authorization', { instanceId, targetAccountId: holder.accountId });
      const reservedCode = await owner.client.post<FilingCodeView>('/api/codes/authorization', { instanceId, targetAccountId: holder.accountId });
      const draft = withFreshPerson(personalDraft());
      const filing = await submitFiling(t, w, {
        applicant: holder,
        draft: {
          ...draft,
          websites: draft.websites!.map((site) => ({ ...site, resource: { type: 'authorization_code', authorizationCode: reservedCode.body.code } })),
        },
      });
      const beforeExpiry = await listed(owner, '/api/codes/authorization', spare.body.code);

      await w.advance(62 * DAY);
      const afterExpiry = await listed(owner, '/api/codes/authorization', spare.body.code);
      const reservedAfterExpiry = await listed(owner, '/api/codes/authorization', reservedCode.body.code);
      const refused = await holder.client.post('/api/codes/check', { kind: 'authorization', code: spare.body.code });
      expect((await holder.client.post(`/api/orders/${filing.orderId}/withdraw`, {})).status).toBe(200);
      const afterWithdrawal = await listed(owner, '/api/codes/authorization', reservedCode.body.code);

      expect(beforeExpiry).toMatchObject({ state: 'available', stateLabel: '可使用', invalidReason: null });
      expect(afterExpiry).toMatchObject({ state: 'expired', stateLabel: '已失效', invalidReason: '编码指向的服务器已到期' });
      expect(reservedAfterExpiry).toMatchObject({ state: 'expired', stateLabel: '已失效' });
      expect(refused.body.fields).toEqual([{ path: 'code', code: 'CODE_UNAVAILABLE', message: `备案授权码已失效：${CODE_LIMITS.validWhileServer.rule}` }]);
      expect(afterWithdrawal).toMatchObject({ state: 'expired', stateLabel: '已失效', invalidReason: '编码指向的服务器已到期' });
    },
    FLOW_TIMEOUT,
  );

  it('should show a 服务码 of an expired server 已失效 (not 已退费) to the grantor and the receiver, and leave codes of a renewed server usable', async () => {
    const grantor = await codesAccount(t, 'expiry-grantor-2');
    const receiver = await codesAccount(t, 'expiry-receiver-2');
    const expiring = await registerInstance(grantor, { expiresAt: chinaNoonIn(t, 2) });
    const renewed = await registerInstance(grantor, { expiresAt: chinaNoonIn(t, 2) });
    const [lapsed] = await grantCodes(grantor, expiring.instanceId, receiver);
    const [kept] = await grantCodes(grantor, renewed.instanceId, receiver);
    await grantor.kit.ok('续费', 'PUT', `/api/sim/resources/${renewed.instanceId}`, {
      type: 'cvm',
      region: 'ap-guangzhou',
      publicIp: renewed.publicIp,
      billingMode: 'prepaid',
      termMonths: 12,
      expiresAt: chinaNoonIn(t, 14),
    });

    await w.advance(62 * DAY);

    expect(await listed(grantor, '/api/codes/service?tab=own', lapsed!.code)).toMatchObject({ stateLabel: '已失效', invalidReason: '编码指向的服务器已到期' });
    expect(await listed(receiver, '/api/codes/service?tab=received', lapsed!.code)).toMatchObject({
      stateLabel: '已失效',
      invalidReason: '编码指向的服务器已到期',
    });
    expect(await listed(receiver, '/api/codes/service?tab=received', kept!.code)).toMatchObject({ stateLabel: '可使用', invalidReason: null });
    const refused = await receiver.client.post('/api/codes/check', { kind: 'service', code: lapsed!.code });
    expect(refused.body.fields).toEqual([{ path: 'code', code: 'CODE_UNAVAILABLE', message: `ICP备案服务码已失效：${CODE_LIMITS.validWhileServer.rule}` }]);
  });
});
