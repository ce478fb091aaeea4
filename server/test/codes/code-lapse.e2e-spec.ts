import { CODE_LIMITS, RESOURCE_RULES, type Draft, type FilingCodeView } from '@beian/shared';
import { PERSON_ID_LAST_SIX, personalDraft, withFreshPerson, type ApiTestKit } from '@beian/shared/testing';
import { DAY, workflow } from '../regulator/workflow.support';
import { chinaNoonIn } from '../resources/resource.support';
import { submitFiling } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';
import { codesAccount, grantCodes, refundInstance, registerInstance, stateOf, type Account } from './codes.support';

const FLOW_TIMEOUT = 180_000;

describe('codes: a 授权码 / 服务码 whose server is refunded or expires during review returns the order to its applicant', () => {
  const t = useTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  const w = workflow(t);
  let reviewer: ApiTestKit;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-code-lapse')).client.kit;
  });

  const onCode = (resource: Record<string, string>): Draft => {
    const draft = withFreshPerson(personalDraft());
    return { ...draft, websites: draft.websites!.map((site) => ({ ...site, resource })) };
  };

  /** The receiver's filing on a code of `grantor`'s new server, submitted (at 初审). */
  async function filingOnCode(n: number, kind: 'authorization' | 'service', over: Parameters<typeof registerInstance>[1] = {}) {
    const grantor = await codesAccount(t, `lapse-grantor-${n}`);
    const receiver = await codesAccount(t, `lapse-receiver-${n}`, false);
    const server = await registerInstance(grantor, over);
    const code =
      kind === 'authorization'
        ? (
            await grantor.kit.ok<FilingCodeView>('授权码', 'POST', '/api/codes/authorization', {
              instanceId: server.instanceId,
              targetAccountId: receiver.accountId,
            })
          ).code
        : (await grantCodes(grantor, server.instanceId, receiver))[0]!.code;
    const resource: Record<string, string> =
      kind === 'authorization' ? { type: 'authorization_code', authorizationCode: code } : { type: 'service_code', serviceCode: code };
    const { orderId, draft } = await submitFiling(t, w, { applicant: receiver, draft: onCode(resource) });
    return { grantor, receiver, server, code, orderId, draft, field: `websites.0.resource.${kind === 'authorization' ? 'authorizationCode' : 'serviceCode'}` };
  }

  const approveInitialReview = async (orderId: string) => {
    await reviewer.confirmFaceChecks(orderId);
    await reviewer.ok('初审 approval', 'POST', `/api/review/orders/${orderId}/approve`, {});
    await w.drain();
  };

  /** Every principal answers MIIT's SMS; the 管局 decides `afterWorkingDays` later. */
  async function throughSmsCheck(receiver: Account, orderId: string, draft: Draft, afterWorkingDays = 20) {
    await reviewer.ok('管局 script', 'POST', `/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays });
    for (const mobile of new Set([draft.subjectPrincipal!.mobile!, draft.websites![0]!.principal!.mobile!])) {
      await receiver.kit.ok('MIIT SMS', 'POST', '/api/regulator-sim/sms-verify', { mobile, code: await w.lastCode(mobile), certLastSix: PERSON_ID_LAST_SIX });
    }
    await w.advance(DAY);
  }

  const detailOf = async (account: Account, orderId: string) => (await account.client.get(`/api/orders/${orderId}`)).body;

  it(
    'should return the order before the 管局 when the grantor refunds the 授权码 server during 初审, with the reason on the code field',
    async () => {
      const filing = await filingOnCode(1, 'authorization');

      await refundInstance(filing.grantor, filing.server.instanceId);
      await approveInitialReview(filing.orderId);

      const detail = await detailOf(filing.receiver, filing.orderId);
      expect(detail.status).toBe('resource_returned');
      expect(detail.rejections).toEqual([
        expect.objectContaining({
          path: filing.field,
          reason: `备案授权码已失效：${CODE_LIMITS.validWhileServer.rule}`,
          suggestion: expect.stringContaining('授权账号'),
        }),
      ]);
      expect(detail.editablePaths.sort()).toEqual([filing.field, 'websites.0.resource'].sort());
      expect(detail.timeline.at(-1)).toMatchObject({ actor: 'system', from: 'pending_regulator_submission', to: 'resource_returned' });
      expect(await stateOf(filing.grantor, '/api/codes/authorization', filing.code)).toBe('已失效');
    },
    FLOW_TIMEOUT,
  );

  it(
    'should withdraw the order from the MIIT SMS check at once when the grantor refunds the 服务码 server, the received code 已失效',
    async () => {
      const filing = await filingOnCode(2, 'service');
      await approveInitialReview(filing.orderId);
      expect((await detailOf(filing.receiver, filing.orderId)).status).toBe('sms_verification');

      await refundInstance(filing.grantor, filing.server.instanceId);

      const detail = await detailOf(filing.receiver, filing.orderId);
      expect(detail.status).toBe('resource_returned');
      expect(detail.rejections).toEqual([expect.objectContaining({ path: filing.field, reason: `ICP备案服务码已失效：${CODE_LIMITS.validWhileServer.rule}` })]);
      expect(detail.timeline.at(-1)).toMatchObject({ from: 'sms_verification', reason: expect.stringContaining('订单已从工信部短信核验中撤回') });
      expect(await stateOf(filing.receiver, '/api/codes/service?tab=received', filing.code)).toBe('已失效');
      expect(await stateOf(filing.grantor, '/api/codes/service?tab=own', filing.code)).toBe('已退费');
    },
    FLOW_TIMEOUT,
  );

  it(
    'should withdraw the order from the 管局 review when the grantor refunds the 授权码 server, and leave another order alone on another refund',
    async () => {
      const filing = await filingOnCode(3, 'authorization');
      const kept = await filingOnCode(4, 'service');
      for (const f of [filing, kept]) {
        await approveInitialReview(f.orderId);
        await throughSmsCheck(f.receiver, f.orderId, f.draft);
        expect((await detailOf(f.receiver, f.orderId)).status).toBe('regulator_review');
      }
      // Another server of the second grantor: its refund touches no order standing on the first.
      const spare = await registerInstance(kept.grantor);

      await refundInstance(filing.grantor, filing.server.instanceId);
      await refundInstance(kept.grantor, spare.instanceId);

      const detail = await detailOf(filing.receiver, filing.orderId);
      expect(detail.status).toBe('resource_returned');
      expect(detail.rejections).toEqual([expect.objectContaining({ path: filing.field, reason: `备案授权码已失效：${CODE_LIMITS.validWhileServer.rule}` })]);
      expect(detail.timeline.at(-1)).toMatchObject({ from: 'regulator_review', reason: expect.stringContaining('订单已从管局审核中撤回') });
      await w.advance(5 * DAY);
      const other = await detailOf(kept.receiver, kept.orderId);
      expect(other.status).toBe('regulator_review');
      expect(other.timeline.map((row: { to: string }) => row.to)).not.toContain('resource_returned');
      expect(await stateOf(kept.receiver, '/api/codes/service?tab=received', kept.code)).toBe('备案中');
    },
    FLOW_TIMEOUT,
  );

  it(
    'should return the order from the 管局 review on the day the 服务码 server falls under one month left, by the daily check',
    async () => {
      const filing = await filingOnCode(5, 'service', { expiresAt: chinaNoonIn(t, 1, 6) });
      await approveInitialReview(filing.orderId);
      await throughSmsCheck(filing.receiver, filing.orderId, filing.draft, 30);
      expect((await detailOf(filing.receiver, filing.orderId)).status).toBe('regulator_review');

      await w.advance(3 * DAY);
      expect((await detailOf(filing.receiver, filing.orderId)).status).toBe('regulator_review');
      for (let day = 0; day < 3; day++) await w.advance(DAY);

      const detail = await detailOf(filing.receiver, filing.orderId);
      expect(detail.status).toBe('resource_returned');
      expect(detail.rejections).toEqual([
        expect.objectContaining({ path: filing.field, reason: `ICP备案服务码指向的服务器不能用于备案：${RESOURCE_RULES.under_1_month_left.reason}` }),
      ]);
      expect(detail.timeline.at(-1)).toMatchObject({ from: 'regulator_review', reason: expect.stringContaining('订单已从管局审核中撤回') });
    },
    FLOW_TIMEOUT,
  );
});
