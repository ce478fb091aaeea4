import { randomUUID } from 'node:crypto';
import { In, IsNull, Not } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { MessageRequests } from '../../src/notifications/message-requests';
import { MessageDeliveryEntity } from '../../src/notifications/message-delivery.entity';
import { MessageEntity } from '../../src/notifications/message.entity';
import { SubscribeGrantEntity } from '../../src/notifications/subscribe-grant.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { api, useTestApp } from '../support/test-app';

const TEMPLATE = 'TPL_SUBMITTED_BATCH';
const TEMPLATES = { submitted: { templateId: TEMPLATE, data: { thing1: 'title', phrase2: 'status' } } };
const RETRY_BASE_MS = 60_000;

describe('progress messages: a claimed batch of events delivered at once', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(
    () => ({
      ...wechat.env(),
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      WORKER_RETRY_BASE_MS: String(RETRY_BASE_MS),
      OUTBOX_BATCH_SIZE: '50',
    }),
    [wechat],
  );
  let worker: OutboxWorker;

  beforeAll(async () => {
    worker = t.app.get(OutboxWorker);
  });

  async function wechatUser(grants: number) {
    const openid = `openid-${randomUUID().slice(0, 12)}`;
    const login = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode(openid) });
    const userId = login.body.user.id as string;
    const now = t.clock.now();
    const rows = Array.from({ length: grants }, () => ({
      userId,
      templateId: TEMPLATE,
      result: 'accept' as const,
      createdAt: now,
      usedAt: null,
      usedByMessageId: null,
    }));
    if (rows.length) await t.db.manager.insert(SubscribeGrantEntity, rows);
    return { openid, userId };
  }

  /** `count` messages for the user, each as a sender writes it (its own aggregate, so one batch takes them all). */
  async function requestedMessages(userId: string, count: number): Promise<string[]> {
    const keys = Array.from({ length: count }, () => randomUUID());
    const message = { userId, orderId: null, type: 'submitted', title: '备案申请已提交', body: '请等待初审。', status: '待初审' };
    await t.db.transaction(async (tx) => {
      for (const key of keys) await t.app.get(MessageRequests).request(tx, message, key, t.clock.now());
    });
    return keys;
  }

  const sendsTo = (openid: string) => wechat.subscribeSends.filter((s) => s.touser === openid);
  const unusedGrants = (userId: string) => t.db.manager.countBy(SubscribeGrantEntity, { userId, usedAt: IsNull() });
  const outboxOf = (keys: string[]) => t.db.manager.find(OutboxMessageEntity, { where: { dedupeKey: In(keys) } });
  async function wechatDeliveries(userId: string): Promise<string[]> {
    const messages = await t.db.manager.findBy(MessageEntity, { userId });
    const rows = await t.db.manager.findBy(MessageDeliveryEntity, { messageId: In(messages.map((m) => m.id)), channel: 'wechat' });
    return rows.map((d) => `${d.status}${d.detail ? `: ${d.detail}` : ''}`).sort();
  }

  it('should spend each grant once and send as many messages as a user has grants when the user has several events in one batch', async () => {
    const rich = await wechatUser(3);
    const poor = await wechatUser(1);
    const none = await wechatUser(0);
    const keys = [...(await requestedMessages(rich.userId, 2)), ...(await requestedMessages(poor.userId, 3)), ...(await requestedMessages(none.userId, 1))];

    const claimed = await worker.drain();

    expect(claimed).toBe(keys.length);
    expect(sendsTo(rich.openid)).toHaveLength(2);
    expect(sendsTo(poor.openid)).toHaveLength(1);
    expect(sendsTo(none.openid)).toHaveLength(0);
    expect(await unusedGrants(rich.userId)).toBe(1);
    expect(await unusedGrants(poor.userId)).toBe(0);
    expect(await wechatDeliveries(poor.userId)).toEqual(['sent', 'skipped: no grant', 'skipped: no grant']);
    expect(await wechatDeliveries(none.userId)).toEqual(['skipped: no grant']);
    const spent = await t.db.manager.find(SubscribeGrantEntity, { where: { userId: In([rich.userId, poor.userId]), usedAt: Not(IsNull()) } });
    expect(new Set(spent.map((g) => g.usedByMessageId)).size).toBe(3);
    expect((await outboxOf(keys)).map((m) => m.status)).toEqual(keys.map(() => 'sent'));
  });

  it('should spend each grant once when every worker delivers messages of the same user at the same time', async () => {
    const second = t.database.kind === 'mysql' ? await createApp(t.config, { clock: t.clock }) : null;
    try {
      const user = await wechatUser(60);
      const keys = await requestedMessages(user.userId, 120);

      const claimed = await Promise.all([worker, ...(second ? [second.get(OutboxWorker)] : [])].map((w) => w.drain()));

      expect(claimed.reduce((a, b) => a + b, 0)).toBe(keys.length);
      expect(sendsTo(user.openid)).toHaveLength(60);
      expect(await unusedGrants(user.userId)).toBe(0);
      const spent = await t.db.manager.findBy(SubscribeGrantEntity, { userId: user.userId });
      expect(new Set(spent.map((g) => g.usedByMessageId)).size).toBe(60);
      expect((await wechatDeliveries(user.userId)).filter((d) => d === 'sent')).toHaveLength(60);
    } finally {
      await second?.close();
    }
  });

  it('should retry only the event whose send failed and give its grant back when one send of a batch fails', async () => {
    const users = [await wechatUser(1), await wechatUser(1), await wechatUser(1)];
    const keys = (await Promise.all(users.map((u) => requestedMessages(u.userId, 1)))).flat();
    wechat.failSends(-1, 1);

    await worker.drain();
    const first = await outboxOf(keys);
    const grantsAfterFailure = await Promise.all(users.map((u) => unusedGrants(u.userId)));
    t.clock.advance(RETRY_BASE_MS);
    await worker.drain();

    expect(first.map((m) => `${m.status}/${m.attempts}`).sort()).toEqual(['pending/1', 'sent/1', 'sent/1']);
    expect(grantsAfterFailure.sort()).toEqual([0, 0, 1]);
    expect(users.map((u) => sendsTo(u.openid).length)).toEqual([1, 1, 1]);
    expect(await Promise.all(users.map((u) => wechatDeliveries(u.userId)))).toEqual([['sent'], ['sent'], ['sent']]);
    expect((await outboxOf(keys)).map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
