import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OrderEvent, OrderState } from '@beian/shared';
import { createApp } from '../../src/app.factory';
import { MessageEntity } from '../../src/notifications/message.entity';
import { SubscribeGrantEntity } from '../../src/notifications/subscribe-grant.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { OutboxWriter } from '../../src/outbox/outbox.writer';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { api, startTestApp, type TestApp } from '../support/test-app';

const FIELDS = { thing1: 'title', phrase2: 'status', time3: 'time' } as const;
const TEMPLATE_OF = {
  submitted: 'TPL_SUBMITTED',
  initial_review_rejected: 'TPL_REJECTED',
  initial_review_passed: 'TPL_PASSED',
  sms_verification_required: 'TPL_SMS',
  sms_verification_failed: 'TPL_SMS_FAILED',
} as const;
const TYPE_OF_TEMPLATE = new Map<string, string>(Object.entries(TEMPLATE_OF).map(([type, templateId]) => [templateId, type]));
const RETRY_BASE_MS = 60_000;
const MAX_ATTEMPTS = 3;
const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };

/** One round of an order's life before the 管局: each step is one transition with the message it causes. */
const ROUND: { event: OrderEvent; from: OrderState; to: OrderState; message: keyof typeof TEMPLATE_OF }[] = [
  { event: 'submit', from: 'draft', to: 'pending_initial_review', message: 'submitted' },
  { event: 'reject_initial', from: 'pending_initial_review', to: 'initial_review_rejected', message: 'initial_review_rejected' },
  { event: 'resubmit', from: 'initial_review_rejected', to: 'pending_initial_review', message: 'submitted' },
  { event: 'approve_initial', from: 'pending_initial_review', to: 'pending_regulator_submission', message: 'initial_review_passed' },
  { event: 'submit_to_regulator', from: 'pending_regulator_submission', to: 'sms_verification', message: 'sms_verification_required' },
  { event: 'sms_failed', from: 'sms_verification', to: 'initial_review_rejected', message: 'sms_verification_failed' },
];

describe('outbox: the messages of one order are delivered in the order its transitions committed', () => {
  const wechat = new FakeWechatServer();
  let t: TestApp;
  let second: NestFastifyApplication | null = null;

  beforeAll(async () => {
    await wechat.start();
    t = await startTestApp({
      ...wechat.env(),
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(
        Object.fromEntries(Object.entries(TEMPLATE_OF).map(([type, templateId]) => [type, { templateId, data: FIELDS }])),
      ),
      WORKER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      WORKER_RETRY_BASE_MS: String(RETRY_BASE_MS),
      OUTBOX_BATCH_SIZE: '50',
    });
    // A second worker on the same database, draining at the same time: only MySQL/MariaDB shares a database.
    if (t.database.kind === 'mysql') second = await createApp(t.config, { clock: t.clock });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
    await wechat.stop();
  });

  const workers = () => [t.app.get(OutboxWorker), ...(second ? [second.get(OutboxWorker)] : [])];
  const drainAll = async () => (await Promise.all(workers().map((w) => w.drain()))).reduce((a, b) => a + b, 0);

  /** A WeChat user with an order and enough grants for every template; the order row is what the notifier looks up. */
  async function userWithOrder() {
    const openid = `openid-${randomUUID().slice(0, 12)}`;
    const login = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode(openid) });
    const client = api(t.url, login.body.token);
    const userId = login.body.user.id as string;
    const orderId = (await client.post('/api/orders', PERSONAL_WEBSITE)).body.id as string;
    await t.db.manager.insert(
      SubscribeGrantEntity,
      Object.values(TEMPLATE_OF).flatMap((templateId) =>
        Array.from({ length: 10 }, () => ({ userId, templateId, result: 'accept' as const, createdAt: t.clock.now(), usedAt: null, usedByMessageId: null })),
      ),
    );
    return { openid, userId, orderId };
  }

  /** Commits `steps` as separate transactions, as the state machine does, without delivering anything yet. */
  async function transitions(orderId: string, steps: typeof ROUND) {
    for (const step of steps) {
      await t.db.transaction((tx) =>
        t.app.get(OutboxWriter).write(
          tx,
          [
            {
              type: 'order.status_changed',
              aggregateId: orderId,
              payload: {
                orderId,
                kind: 'first_filing',
                from: step.from,
                to: step.to,
                event: step.event,
                reason: step.event.startsWith('reject') ? '网站名称不符合要求' : null,
              },
              dedupeKey: `order.status_changed:${orderId}:${randomUUID()}`,
            },
          ],
          t.clock.now(),
        ),
      );
    }
  }

  const centreTypes = async (userId: string) => (await t.db.manager.find(MessageEntity, { where: { userId }, order: { id: 'ASC' } })).map((m) => m.type);
  const sentTypes = (openid: string) => wechat.subscribeSends.filter((s) => s.touser === openid).map((s) => TYPE_OF_TEMPLATE.get(s.template_id));
  const outboxOf = (orderId: string) => t.db.manager.find(OutboxMessageEntity, { where: { aggregateId: orderId }, order: { id: 'ASC' } });

  it('should deliver a burst of 18 transitions of one order in order to the message centre and WeChat when the burst lands in one batch', async () => {
    const { openid, userId, orderId } = await userWithOrder();
    const burst = [...ROUND, ...ROUND, ...ROUND];
    await transitions(orderId, burst);

    const claimed = await drainAll();

    const expected = burst.map((s) => s.message);
    expect(claimed).toBe(burst.length);
    expect(await centreTypes(userId)).toEqual(expected);
    expect(sentTypes(openid)).toEqual(expected);
    expect((await outboxOf(orderId)).map((m) => m.status)).toEqual(burst.map(() => 'sent'));
  });

  it('should hold back the later messages of an order while an earlier one waits for its retry, and keep other orders flowing', async () => {
    const blocked = await userWithOrder();
    const other = await userWithOrder();
    await transitions(blocked.orderId, ROUND.slice(0, 3));
    wechat.failSends(-1, 1);
    await drainAll();
    await transitions(other.orderId, ROUND.slice(0, 2));

    await drainAll();
    const whileRetrying = {
      centre: await centreTypes(blocked.userId),
      sent: sentTypes(blocked.openid),
      outbox: (await outboxOf(blocked.orderId)).map((m) => m.status),
    };
    t.clock.advance(RETRY_BASE_MS);
    await drainAll();

    expect(whileRetrying).toEqual({ centre: ['submitted'], sent: [], outbox: ['pending', 'pending', 'pending'] });
    expect(sentTypes(other.openid)).toEqual(['submitted', 'initial_review_rejected']);
    expect(await centreTypes(blocked.userId)).toEqual(['submitted', 'initial_review_rejected', 'submitted']);
    expect(sentTypes(blocked.openid)).toEqual(['submitted', 'initial_review_rejected', 'submitted']);
    expect((await outboxOf(blocked.orderId)).map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('should release the later messages of an order once the earlier one is dead', async () => {
    const { openid, userId, orderId } = await userWithOrder();
    await transitions(orderId, ROUND.slice(0, 2));
    wechat.failSends(-1, MAX_ATTEMPTS);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await drainAll();
      t.clock.advance(RETRY_BASE_MS * 2 ** (attempt - 1));
    }
    await drainAll();

    expect((await outboxOf(orderId)).map((m) => [m.status, m.attempts])).toEqual([
      ['dead', MAX_ATTEMPTS],
      ['sent', 1],
    ]);
    expect(await centreTypes(userId)).toEqual(['submitted', 'initial_review_rejected']);
    expect(sentTypes(openid)).toEqual(['initial_review_rejected']);
  });
});
