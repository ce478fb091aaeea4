import { devLogin, useTestApp } from '../support/test-app';
import { PERSONAL_WEBSITE, workflow, type Client } from '../regulator/workflow.support';

describe('撤回修改 and 撤销订单: the applicant takes a submission back or ends the order', () => {
  const t = useTestApp({ CLOCK: 'controllable' });
  const w = workflow(t);
  let reviewer: Client;
  let otherReviewer: Client;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员甲')).client;
    otherReviewer = (await devLogin(t.url, '审核员乙')).client;
  });

  it('should take the order back to the draft when no reviewer has claimed it, keep the draft editable and submit it again', async () => {
    const { client, orderId, draft } = await w.submitted();

    const pulled = await client.post(`/api/orders/${orderId}/pull-back`, {}, { 'idempotency-key': `pull-${orderId}` });
    expect(pulled).toMatchObject({ status: 200, body: { status: 'draft' } });
    const retried = await client.post(`/api/orders/${orderId}/pull-back`, {}, { 'idempotency-key': `pull-${orderId}` });
    expect(retried.body).toEqual(pulled.body);
    expect((await reviewer.get('/api/review/queue')).body.map((item: { orderId: string }) => item.orderId)).not.toContain(orderId);

    const saved = await client.patch(`/api/orders/${orderId}/draft`, {
      version: pulled.body.version,
      draft: { subject: { ...draft.subject, communicationAddress: '北京市朝阳区某街道1号2单元101室' } },
    });
    expect(saved.status).toBe(200);
    expect((await client.post(`/api/orders/${orderId}/submit`)).body).toMatchObject({ status: 'pending_initial_review' });
    const timeline = (await client.get(`/api/orders/${orderId}/progress`)).body.timeline as { to: string }[];
    expect(timeline.map((entry) => entry.to)).toEqual(['draft', 'pending_initial_review', 'draft', 'pending_initial_review']);
  });

  it('should refuse to pull back once a reviewer claimed the submission and show the claim in the console', async () => {
    const { client, token, orderId } = await w.submitted();
    const progress = (etag = '') => fetch(`${t.url}/api/orders/${orderId}/progress`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    const before = await progress();
    expect(((await before.json()) as { applicantActions: string[] }).applicantActions).toEqual(['pull_back', 'withdraw']);

    const claimed = await reviewer.post(`/api/review/orders/${orderId}/claim`);
    expect(claimed).toMatchObject({ status: 200, body: { claim: { reviewerName: '审核员甲' } } });
    expect((await reviewer.post(`/api/review/orders/${orderId}/claim`)).status).toBe(200);

    const after = await progress(before.headers.get('etag') ?? '');
    expect(after.status).toBe(200);
    expect(((await after.json()) as { applicantActions: string[] }).applicantActions).toEqual(['withdraw']);
    const refused = await client.post(`/api/orders/${orderId}/pull-back`);
    expect(refused).toMatchObject({ status: 409, body: { code: 'REVIEW_ALREADY_STARTED', message: '审核专员已开始审核，暂不能撤回修改，请等待初审结果' } });
    expect((await client.get(`/api/orders/${orderId}`)).body.status).toBe('pending_initial_review');
    const queued = (await reviewer.get('/api/review/queue')).body.find((item: { orderId: string }) => item.orderId === orderId);
    expect(queued.claim).toEqual({ reviewerId: expect.any(String), reviewerName: '审核员甲', claimedAt: expect.any(String) });
  });

  it("should refuse another reviewer's claim and decision while the submission is claimed", async () => {
    const { orderId } = await w.submitted();
    await reviewer.post(`/api/review/orders/${orderId}/claim`);

    const secondClaim = await otherReviewer.post(`/api/review/orders/${orderId}/claim`);
    expect(secondClaim).toMatchObject({ status: 409, body: { code: 'REVIEW_CLAIMED_BY_OTHER', details: { claim: { reviewerName: '审核员甲' } } } });
    expect((await otherReviewer.post(`/api/review/orders/${orderId}/approve`)).body.code).toBe('REVIEW_CLAIMED_BY_OTHER');
    expect((await reviewer.post(`/api/review/orders/${orderId}/approve`)).body.status).toBe('pending_regulator_submission');
  });

  it('should let a claim of an earlier round lapse when the order is resubmitted after a rejection', async () => {
    const { client, orderId } = await w.submitted();
    await reviewer.post(`/api/review/orders/${orderId}/claim`);
    await reviewer.post(`/api/review/orders/${orderId}/reject`, {
      reasons: [{ kind: 'field', path: 'subject.communicationAddress', reason: '地址不详细', suggestion: '请写到门牌号' }],
    });
    t.clock.advance(1000);
    await client.post(`/api/orders/${orderId}/resubmit`);

    expect((await reviewer.get(`/api/review/orders/${orderId}`)).body.claim).toBeNull();
    expect((await client.post(`/api/orders/${orderId}/pull-back`)).body.status).toBe('draft');
  });

  it('should withdraw a submitted order, keep its draft and let the account start a new order', async () => {
    const { client, orderId } = await w.submitted();
    expect((await client.post('/api/orders', PERSONAL_WEBSITE)).body.code).toBe('ORDER_IN_FLIGHT');

    const withdrawn = await client.post(`/api/orders/${orderId}/withdraw`);
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn', draft: { subject: { name: '张三' } } } });
    expect((await client.post(`/api/orders/${orderId}/withdraw`)).body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await client.post('/api/orders', PERSONAL_WEBSITE)).status).toBe(201);
  });

  it("should answer 404 when an account pulls back or withdraws another account's order", async () => {
    const { orderId } = await w.submitted();
    const stranger = (await devLogin(t.url, 'stranger')).client;

    expect((await stranger.post(`/api/orders/${orderId}/pull-back`)).status).toBe(404);
    expect((await stranger.post(`/api/orders/${orderId}/withdraw`)).status).toBe(404);
  });
});
