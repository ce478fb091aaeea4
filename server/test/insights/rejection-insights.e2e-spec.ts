import type { PrecheckMissesResponse, RejectionHintsResponse } from '@beian/shared';
import { personalDraft, PERSONAL_WEBSITE } from '@beian/shared/testing';
import { workflow } from '../regulator/workflow.support';
import { submitFiling, withFreshPerson } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

/** A submission driven through the API first: slower than one request on a busy machine. */
const FLOW_TIMEOUT = 120_000;

describe('learning from 初审: misses for staff, common reasons for applicants', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: Awaited<ReturnType<typeof devLogin>>['client'];

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-insights')).client;
  });

  it(
    'should record a rejection the pre-check did not see as a miss, anonymised, and show it to applicants filing alike',
    async () => {
      const draft = withFreshPerson(personalDraft());
      // The pre-check warns on this address (no door number): a rejection there is not a miss.
      const warned = { ...draft, subject: { ...draft.subject, communicationAddress: '北京市朝阳区某街道' } };
      const filed = await submitFiling(t, w, { draft: warned });
      const rejected = await reviewer.post(`/api/review/orders/${filed.orderId}/reject`, {
        reasons: [
          { kind: 'field', path: 'websites.0.name', reason: `“${draft.websites![0]!.name}”与张三的网站内容不符`, suggestion: '请使用能体现网站内容的名称' },
          { kind: 'field', path: 'subject.communicationAddress', reason: '通信地址需详细到门牌号', suggestion: '请填写到门牌号' },
        ],
      });
      const { client: alike } = await devLogin(t.url, 'insights-alike');
      const order = await alike.kit.createOrder(PERSONAL_WEBSITE);
      await alike.kit.saveDraft(order.id, { version: order.version, draft: { subject: withFreshPerson(personalDraft()).subject } });

      const misses = await reviewer.get<PrecheckMissesResponse>('/api/review/precheck-misses?months=1');
      const hints = await alike.get<RejectionHintsResponse>(`/api/orders/${order.id}/rejection-hints`);
      const others = await filed.applicant.client.get(`/api/orders/${order.id}/rejection-hints`);
      const applicantAsksMisses = await alike.get('/api/review/precheck-misses');

      expect(rejected.status).toBe(200);
      expect(misses.body.groups).toEqual([
        expect.objectContaining({
          field: 'websites.*.name',
          area: '网站',
          reason: '“＊＊＊”与＊＊＊的网站内容不符',
          count: 1,
          provinces: [{ code: '11', name: '北京市' }],
        }),
      ]);
      expect(misses.body.groups[0]!.months).toEqual([{ month: '2026-11', count: 1 }]);
      expect(hints.body.hints.map((hint) => `${hint.field} ${hint.reason}`).sort()).toEqual([
        'subject.communicationAddress 通信地址需详细到门牌号',
        'websites.*.name “＊＊＊”与＊＊＊的网站内容不符',
      ]);
      expect(others.status).toBe(404);
      expect(applicantAsksMisses.status).toBe(403);
      expect((await reviewer.get('/api/review/precheck-misses?months=13')).status).toBe(422);
    },
    FLOW_TIMEOUT,
  );
});
