import { MessageEntity } from '../../src/notifications/message.entity';
import { devLogin, useTestApp } from '../support/test-app';
import { MINUTE, workflow, type Client } from '../regulator/workflow.support';

describe('初审 call log: "rejected: unreachable" after two unreachable calls at least an hour apart', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: Client;
  let reviewerId: string;

  beforeAll(async () => {
    const login = await devLogin(t.url, '审核员-calls');
    reviewer = login.client;
    reviewerId = login.user.id;
  });

  const rejectUnreachable = (orderId: string) => reviewer.post(`/api/review/orders/${orderId}/reject`, { reasons: [{ kind: 'unreachable' }] });
  const call = (orderId: string, outcome: 'answered' | 'unreachable') => reviewer.post(`/api/review/orders/${orderId}/calls`, { outcome });
  const reminders = (orderId: string) => t.db.manager.findBy(MessageEntity, { userId: reviewerId, orderId, type: 'review_second_call' });

  it('should refuse the rejection after one call, remind the reviewer an hour later and allow it after the second call', async () => {
    const { orderId, client } = await w.submitted();

    expect((await call(orderId, 'unreachable')).body).toMatchObject({ outcome: 'unreachable', reviewerId });
    const early = await rejectUnreachable(orderId);
    expect(early).toMatchObject({
      status: 422,
      body: { code: 'REJECTION_REASONS_REQUIRED', fields: [{ path: 'reasons.0', code: 'UNREACHABLE_NOT_ALLOWED' }] },
    });
    expect((await reviewer.get(`/api/review/orders/${orderId}`)).body.canRejectUnreachable).toBe(false);

    await w.advance(59 * MINUTE);
    expect(await reminders(orderId)).toHaveLength(0);
    await w.advance(MINUTE);
    expect(await reminders(orderId)).toEqual([expect.objectContaining({ title: '请再次致电申请人' })]);
    await w.drain();
    expect(await reminders(orderId)).toHaveLength(1);

    await call(orderId, 'unreachable');
    expect((await reviewer.get(`/api/review/orders/${orderId}`)).body.canRejectUnreachable).toBe(true);
    const rejected = await rejectUnreachable(orderId);
    expect(rejected).toMatchObject({ status: 200, body: { status: 'initial_review_rejected' } });
    const seen = (await client.get(`/api/orders/${orderId}`)).body;
    expect(seen.rejections).toEqual([{ path: null, kind: 'unreachable', reason: '两次致电均未接通', suggestion: expect.stringContaining('保持电话畅通') }]);
    expect(seen.editablePaths).toEqual([]);
  });

  it('should refuse the rejection when the two unreachable calls are less than an hour apart and skip the reminder once called again', async () => {
    const { orderId } = await w.submitted();

    await call(orderId, 'unreachable');
    await w.advance(30 * MINUTE);
    await call(orderId, 'unreachable');
    expect((await rejectUnreachable(orderId)).status).toBe(422);

    await w.advance(30 * MINUTE);
    expect(await reminders(orderId)).toHaveLength(0);
    await call(orderId, 'unreachable');
    expect((await rejectUnreachable(orderId)).status).toBe(200);
  });

  it('should list the calls and refuse a call log entry once the order left 初审', async () => {
    const { orderId } = await w.submitted();
    await call(orderId, 'answered');
    await reviewer.post(`/api/review/orders/${orderId}/approve`);

    expect((await reviewer.get(`/api/review/orders/${orderId}`)).body.calls).toEqual([expect.objectContaining({ outcome: 'answered', note: null })]);
    expect((await call(orderId, 'unreachable')).status).toBe(409);
  });
});
