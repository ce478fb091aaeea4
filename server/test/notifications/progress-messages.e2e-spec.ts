import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { personalDraft } from '@beian/shared/testing';
import { IsNull } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { MessageDeliveryEntity } from '../../src/notifications/message-delivery.entity';
import { MessageEntity } from '../../src/notifications/message.entity';
import { SubscribeGrantEntity } from '../../src/notifications/subscribe-grant.entity';
import { WechatMessaging } from '../../src/notifications/wechat-messaging.port';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { OutboxWriter } from '../../src/outbox/outbox.writer';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { withFreshPerson } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { api, devLogin, useTestApp } from '../support/test-app';

const TEMPLATE = 'TPL_SUBMITTED_0001';
const TEMPLATES = { submitted: { templateId: TEMPLATE, data: { thing1: 'title', phrase2: 'status', time3: 'time', character_string4: 'orderId' } } };
const RETRY_BASE_MS = 60_000;
const LEASE_MS = 120_000;
const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };

describe('progress messages: outbox → message centre and WeChat subscribe messages', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(
    () => ({
      ...wechat.env(),
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      WORKER_MAX_ATTEMPTS: '3',
      WORKER_RETRY_BASE_MS: String(RETRY_BASE_MS),
      WORKER_LEASE_MS: String(LEASE_MS),
    }),
    [wechat],
  );
  let worker: OutboxWorker;

  beforeAll(async () => {
    worker = t.app.get(OutboxWorker);
  });

  async function wechatUser() {
    const openid = `openid-${randomUUID().slice(0, 12)}`;
    const login = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode(openid) });
    return { openid, userId: login.body.user.id as string, client: api(t.url, login.body.token) };
  }

  async function grant(client: ReturnType<typeof api>, count = 1) {
    for (let i = 0; i < count; i++) {
      const res = await client.post('/api/notifications/grants', { templateIds: [TEMPLATE], results: { [TEMPLATE]: 'accept' } });
      expect(res).toEqual({ status: 200, body: { accepted: 1 } });
    }
  }

  async function submitOrder(client: ReturnType<typeof api>): Promise<string> {
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());
    const submitted = await client.post(`/api/orders/${order.id}/submit`);
    expect(submitted.status).toBe(200);
    return order.id;
  }

  const sendsTo = (openid: string) => wechat.subscribeSends.filter((s) => s.touser === openid);
  const outboxOf = (orderId: string) => t.db.manager.findOneByOrFail(OutboxMessageEntity, { aggregateId: orderId });
  const messagesOf = (userId: string) => t.db.manager.findBy(MessageEntity, { userId });
  const unusedGrants = (userId: string) => t.db.manager.countBy(SubscribeGrantEntity, { userId, usedAt: IsNull() });

  it('should put one message in the centre and send one subscribe message when the user granted the template', async () => {
    const { openid, userId, client } = await wechatUser();
    await grant(client);
    const orderId = await submitOrder(client);

    await worker.drain();
    await worker.drain();

    const list = await client.get('/api/messages');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ type: 'submitted', title: '备案申请已提交', orderId, readAt: null, body: expect.stringContaining('1–2 个工作日') }),
    ]);
    expect((await client.get('/api/messages/unread-count')).body).toEqual({ count: 1 });
    const sends = sendsTo(openid);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      template_id: TEMPLATE,
      page: `pages/progress/index?orderId=${orderId}&messageId=${list.body.items[0].id}`,
      miniprogram_state: 'formal',
      data: { thing1: { value: '备案申请已提交' }, phrase2: { value: '待初审' }, character_string4: { value: orderId.replace(/-/g, '') } },
    });
    expect(sends[0]!.data.time3!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await unusedGrants(userId)).toBe(0);
  });

  it('should fill only the message centre when the user has no grant', async () => {
    const { openid, userId, client } = await wechatUser();
    const orderId = await submitOrder(client);

    await worker.drain();

    expect(await messagesOf(userId)).toHaveLength(1);
    expect(sendsTo(openid)).toHaveLength(0);
    expect(await t.db.manager.findOneBy(MessageDeliveryEntity, { messageId: (await messagesOf(userId))[0]!.id, channel: 'wechat' })).toMatchObject({
      status: 'skipped',
      detail: 'no grant',
    });
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent' });
  });

  it('should list only the caller messages, newest first, and count them read once opened', async () => {
    const alice = await wechatUser();
    const bob = await devLogin(t.url, 'bob');
    const at = t.clock.now();
    for (const [userId, n] of [
      [alice.userId, 1],
      [bob.user.id, 1],
      [alice.userId, 2],
      [alice.userId, 3],
    ] as const) {
      await t.db.manager.insert(MessageEntity, {
        userId,
        orderId: null,
        type: 'submitted',
        title: `消息${n}`,
        body: '正文',
        dedupeKey: randomUUID(),
        readAt: null,
        createdAt: at,
      });
    }

    const firstPage = await alice.client.get('/api/messages?limit=2');
    const secondPage = await alice.client.get(`/api/messages?limit=2&before=${firstPage.body.nextBefore}`);
    const read = await alice.client.post(`/api/messages/${firstPage.body.items[0].id}/read`);
    const othersMessage = (await bob.client.get('/api/messages')).body.items[0].id;
    const forbidden = await alice.client.post(`/api/messages/${othersMessage}/read`);

    expect(firstPage.body.items.map((m: { title: string }) => m.title)).toEqual(['消息3', '消息2']);
    expect(secondPage.body).toEqual({ items: [expect.objectContaining({ title: '消息1' })], nextBefore: null });
    expect(read.status).toBe(201);
    expect(read.body.readAt).toBe(t.clock.now().toISOString());
    expect((await alice.client.get('/api/messages/unread-count')).body).toEqual({ count: 2 });
    expect(forbidden).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await bob.client.get('/api/messages/unread-count')).body).toEqual({ count: 1 });
  });

  it('should refuse a grant body that is not a requestSubscribeMessage result', async () => {
    const { client } = await wechatUser();

    const res = await client.post('/api/notifications/grants', { templateIds: ['a', 'b', 'c', 'd'], results: { a: 'maybe' } });

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should not retry and should spend the grant when WeChat answers 43101 (user refused)', async () => {
    const { openid, userId, client } = await wechatUser();
    await grant(client);
    wechat.failSends(43101);
    const attemptsBefore = wechat.sendAttempts;
    const orderId = await submitOrder(client);

    await worker.drain();
    t.clock.advance(RETRY_BASE_MS * 10);
    await worker.drain();

    expect(wechat.sendAttempts - attemptsBefore).toBe(1);
    expect(sendsTo(openid)).toHaveLength(0);
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent', attempts: 1 });
    const [message] = await messagesOf(userId);
    expect(await t.db.manager.findOneBy(MessageDeliveryEntity, { messageId: message!.id, channel: 'wechat' })).toMatchObject({
      status: 'refused',
      detail: expect.stringContaining('43101'),
    });
    expect(await unusedGrants(userId)).toBe(0);
  });

  it('should retry a failing channel with backoff, mark the event dead after the last attempt, and deliver once when requeued', async () => {
    const { openid, userId, client } = await wechatUser();
    await grant(client);
    wechat.failSends(-1, 3);
    const orderId = await submitOrder(client);

    await worker.drain();
    const first = await outboxOf(orderId);
    const grantAfterFailure = await unusedGrants(userId);
    t.clock.advance(RETRY_BASE_MS);
    await worker.drain();
    t.clock.advance(2 * RETRY_BASE_MS);
    await worker.drain();
    const dead = await outboxOf(orderId);
    const deadList = await worker.listDead();
    const requeued = await worker.requeue(dead.id);
    await worker.drain();

    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('-1') });
    expect(grantAfterFailure).toBe(1);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(deadList.map((m) => m.id)).toContain(dead.id);
    expect(requeued).toBe(true);
    expect(sendsTo(openid)).toHaveLength(1);
    expect(await messagesOf(userId)).toHaveLength(1);
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent' });
  });

  it('should not send twice when the worker died after delivering but before marking the event sent', async () => {
    const { openid, userId, client } = await wechatUser();
    await grant(client, 2);
    const orderId = await submitOrder(client);
    await worker.drain();
    // What the database holds when a worker dies right after delivering: the deliveries are recorded, the event is not marked.
    const lockedUntil = new Date(t.clock.now().getTime() + LEASE_MS);
    await t.db.manager.update(OutboxMessageEntity, { aggregateId: orderId }, { status: 'pending', sentAt: null, lockedBy: 'worker-that-died', lockedUntil });

    await worker.drain();
    const whileLeased = await outboxOf(orderId);
    t.clock.advance(LEASE_MS);
    await worker.drain();

    expect(whileLeased.status).toBe('pending');
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sendsTo(openid)).toHaveLength(1);
    expect(await messagesOf(userId)).toHaveLength(1);
    expect(await unusedGrants(userId)).toBe(1);
  });

  it('should not send again when the worker died in the middle of a send', async () => {
    const { openid, userId, client } = await wechatUser();
    await grant(client, 2);
    const orderId = await submitOrder(client);
    await worker.drain();
    const [message] = await messagesOf(userId);
    await t.db.manager.update(MessageDeliveryEntity, { messageId: message!.id, channel: 'wechat' }, { status: 'sending' });
    await t.db.manager.update(OutboxMessageEntity, { aggregateId: orderId }, { status: 'pending' });

    await worker.drain();

    expect(sendsTo(openid)).toHaveLength(1);
    expect(await t.db.manager.findOneBy(MessageDeliveryEntity, { messageId: message!.id, channel: 'wechat' })).toMatchObject({ status: 'unknown' });
    expect(await outboxOf(orderId)).toMatchObject({ status: 'sent' });
  });

  it('should fetch one access token for many concurrent sends and reuse it', async () => {
    const { openid, client } = await wechatUser();
    await grant(client, 20);
    const tokensBefore = wechat.tokenCalls.length;
    wechat.revokeToken();

    await Promise.all(Array.from({ length: 20 }, () => sendThroughApp(openid)));
    await Promise.all(Array.from({ length: 20 }, () => sendThroughApp(openid)));

    expect(wechat.tokenCalls.length - tokensBefore).toBe(1);
    expect(sendsTo(openid)).toHaveLength(40);
  });

  it.each([
    ['40001 (token invalid)', () => wechat.revokeToken()],
    ['42001 (token expired)', () => wechat.expireToken()],
  ])('should refresh the token once for all callers and retry when WeChat answers %s', async (_, invalidate) => {
    const { openid } = await wechatUser();
    await sendThroughApp(openid);
    const tokensBefore = wechat.tokenCalls.length;
    invalidate();

    await Promise.all(Array.from({ length: 10 }, () => sendThroughApp(openid)));

    expect(wechat.tokenCalls.slice(tokensBefore)).toEqual([{ forceRefresh: false }]);
    expect(sendsTo(openid)).toHaveLength(11);
  });

  async function sendThroughApp(openid: string) {
    await t.app
      .get<WechatMessaging>(WechatMessaging)
      .sendSubscribeMessage({ touser: openid, templateId: TEMPLATE, page: 'pages/index/index', data: { thing1: { value: '测试' } } });
  }

  describe('a burst of 200 events', () => {
    let second: NestFastifyApplication | null = null;

    beforeAll(async () => {
      // Two workers share one database only on MySQL/MariaDB; SQLite runs one worker.
      if (t.database.kind === 'mysql') second = await createApp(t.config, { clock: t.clock });
    });
    afterAll(async () => {
      await second?.close();
    });

    it('should deliver each message exactly once when every worker drains the outbox at the same time', async () => {
      const burst = 200;
      const { openid, userId, client } = await wechatUser();
      const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
      await t.db.manager.insert(
        SubscribeGrantEntity,
        Array.from({ length: burst }, () => ({
          userId,
          templateId: TEMPLATE,
          result: 'accept' as const,
          createdAt: t.clock.now(),
          usedAt: null,
          usedByMessageId: null,
        })),
      );
      await t.db.transaction((tx) =>
        t.app.get(OutboxWriter).write(
          tx,
          Array.from({ length: burst }, (_, n) => ({
            type: 'order.status_changed',
            aggregateId: order.id,
            payload: { orderId: order.id, kind: 'first_filing', from: 'draft', to: 'pending_initial_review', event: 'submit', reason: null },
            dedupeKey: `burst:${order.id}:${n}`,
          })),
          t.clock.now(),
        ),
      );
      const workers = [worker, ...(second ? [second.get(OutboxWorker)] : [])];

      const claimed = await Promise.all(workers.map((w) => w.drain()));

      const sends = sendsTo(openid);
      const messageIds = new Set(sends.map((s) => new URL(s.page, 'http://x').searchParams.get('messageId')));
      expect(sends).toHaveLength(burst);
      expect(messageIds.size).toBe(burst);
      expect(await messagesOf(userId)).toHaveLength(burst);
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(burst);
      expect(await t.db.manager.countBy(OutboxMessageEntity, { aggregateId: order.id, status: 'sent' })).toBe(burst);
      expect(await unusedGrants(userId)).toBe(0);
    });
  });
});

describe('progress messages: embedded default without a WeChat AppID', () => {
  const t = useTestApp();

  it('should record a submitted order in the message centre and send it by SMS and e-mail, with no WeChat delivery', async () => {
    const { client, user } = await devLogin(t.url, 'local');
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());
    expect((await client.post(`/api/orders/${order.id}/submit`)).status).toBe(200);

    await t.app.get(OutboxWorker).drain();

    expect((await client.get('/api/messages')).body.items).toEqual([expect.objectContaining({ type: 'submitted', orderId: order.id })]);
    const [message] = await t.db.manager.findBy(MessageEntity, { userId: user.id });
    expect((await t.db.manager.findBy(MessageDeliveryEntity, { messageId: message!.id })).map((d) => `${d.channel}:${d.status}`).sort()).toEqual([
      'email:sent',
      'sms:sent',
    ]);
    expect(await t.db.manager.countBy(MessageEntity, { userId: user.id })).toBe(1);
  });
});

describe('progress messages: the outbox worker polling by itself', () => {
  const t = useTestApp({ WORKER_POLL_MS: '20' });

  it('should deliver a submitted order to the message centre without being driven when polling is on', async () => {
    const { client } = await devLogin(t.url, 'polled');
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(personalDraft()), await submittableMedia());
    expect((await client.post(`/api/orders/${order.id}/submit`)).status).toBe(200);

    let count = 0;
    while (count === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      count = (await client.get('/api/messages/unread-count')).body.count;
    }

    expect(count).toBe(1);
  });
});
