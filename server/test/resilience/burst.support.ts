import { randomUUID } from 'node:crypto';
import { messagesForTransition, type OrderEvent, type OrderState } from '@beian/shared';
import { personalDraft } from '@beian/shared/testing';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { JobEntity } from '../../src/jobs/job.entity';
import { MessageDeliveryEntity } from '../../src/notifications/message-delivery.entity';
import { MessageEntity } from '../../src/notifications/message.entity';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { OrderHistoryEntity } from '../../src/order-core/order-history.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import type { FakeWechatServer } from '../support/fake-wechat.server';
import { withFreshPerson } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { api, devLogin } from '../support/test-app';

/** The progress messages of a submitted and approved order go out as WeChat subscribe messages too. */
export const TEMPLATE_OF = { submitted: 'TPL_SUBMITTED', initial_review_passed: 'TPL_PASSED', sms_verification_required: 'TPL_SMS' } as const;
const FIELDS = { thing1: 'title', phrase2: 'status', time3: 'time' } as const;

export function wechatEnvironment(wechat: FakeWechatServer): Record<string, string> {
  return {
    ...wechat.env(),
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(
      Object.fromEntries(Object.entries(TEMPLATE_OF).map(([type, templateId]) => [type, { templateId, data: FIELDS }])),
    ),
  };
}

export type Client = ReturnType<typeof api>;

export interface PreparedOrder {
  orderId: string;
  userId: string;
  openid: string;
  /** Every principal's mobile (the fixture's people are one person). */
  mobile: string;
  /** The applicant's session, valid on every process of the database. */
  token: string;
  client: Client;
}

/** A WeChat user who granted every template once, with an order ready to submit, prepared through `url`. */
export async function preparedOrder(url: string, wechat: FakeWechatServer): Promise<PreparedOrder> {
  const openid = `openid-${randomUUID().slice(0, 12)}`;
  const login = await api(url).post('/api/auth/wechat-login', { code: wechat.issueCode(openid) });
  if (login.status !== 200) throw new Error(`wechat login failed: ${JSON.stringify(login.body)}`);
  const client = api(url, login.body.token);
  const templateIds = Object.values(TEMPLATE_OF);
  await client.post('/api/notifications/grants', { templateIds, results: Object.fromEntries(templateIds.map((id) => [id, 'accept'])) });
  const orderId = (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id as string;
  const draft = withFreshPerson(personalDraft());
  await client.kit.makeSubmittable(orderId, draft, await submittableMedia());
  await (await reviewerOn(url)).kit.confirmFaceChecks(orderId);
  return { orderId, userId: login.body.user.id as string, openid, mobile: draft.subjectPrincipal!.mobile!, token: login.body.token as string, client };
}

export const reviewerOn = async (url: string) => (await devLogin(url, `审核员-${randomUUID().slice(0, 6)}`)).client;

/** True once nothing is left to do now: no undelivered outbox message, no due job waiting. */
export async function drained(ds: DataSource): Promise<boolean> {
  const pendingMessages = await ds.manager.countBy(OutboxMessageEntity, { status: 'pending' });
  const dueJobs = await ds.manager.countBy(JobEntity, { status: 'pending', dueAt: LessThanOrEqual(new Date()) });
  return pendingMessages === 0 && dueJobs === 0;
}

export interface Consistency {
  transitions: number;
  outboxRows: number;
  messages: number;
  /** Per order: events of its history, oldest first. */
  events: Map<string, OrderEvent[]>;
  problems: string[];
}

/**
 * What a committed workflow must look like: each order's history is one unbroken chain from `draft` to its status,
 * each transition has exactly one outbox row (delivered) and exactly the progress messages its transition causes,
 * and nothing else is in the message centre.
 */
export async function checkConsistency(ds: DataSource, orders: PreparedOrder[]): Promise<Consistency> {
  const problems: string[] = [];
  const events = new Map<string, OrderEvent[]>();
  let transitions = 0;
  let expectedMessages = 0;
  const ids = orders.map((o) => o.orderId);
  const outbox = await ds.manager.findBy(OutboxMessageEntity, { aggregateId: In(ids) });
  const messages = await ds.manager.findBy(MessageEntity, { userId: In(orders.map((o) => o.userId)) });
  const messageKeys = new Set(messages.map((m) => m.dedupeKey));
  const outboxKeys = new Map(outbox.map((m) => [m.dedupeKey, m]));
  for (const { orderId } of orders) {
    const order = await ds.manager.findOneByOrFail(FilingOrderEntity, { id: orderId });
    const history = await ds.manager.find(OrderHistoryEntity, { where: { orderId }, order: { id: 'ASC' } });
    // The first row records the order's creation; every later one is a transition of the state machine.
    const [created, ...moves] = history;
    if (created?.fromStatus !== null) problems.push(`${orderId}: history does not start with the creation`);
    events.set(
      orderId,
      moves.map((h) => h.event as OrderEvent),
    );
    let state = created?.toStatus;
    for (const row of moves) {
      if (row.fromStatus !== state) problems.push(`${orderId}: history jumps from ${state} to a row from ${row.fromStatus}`);
      state = row.toStatus;
      const key = `order.status_changed:${orderId}:${row.id}`;
      const event = outboxKeys.get(key);
      if (!event) problems.push(`${orderId}: transition ${row.event} has no outbox row`);
      else if (event.status !== 'sent') problems.push(`${orderId}: outbox row of ${row.event} is ${event.status}`);
      for (const type of messagesForTransition(row.event as OrderEvent, row.toStatus as OrderState)) {
        expectedMessages++;
        if (!messageKeys.has(`${key}:${type}`)) problems.push(`${orderId}: message ${type} of ${row.event} is missing`);
      }
    }
    if (order.status !== state) problems.push(`${orderId}: status ${order.status} but history ends in ${state}`);
    transitions += moves.length;
  }
  if (outbox.length !== transitions) problems.push(`${outbox.length} outbox rows for ${transitions} transitions`);
  if (messages.length !== expectedMessages) problems.push(`${messages.length} messages where ${expectedMessages} were expected`);
  return { transitions, outboxRows: outbox.length, messages: messages.length, events, problems };
}

/**
 * Every WeChat send of these users: none twice, one per delivery marked sent. A process killed in the middle of a
 * send leaves its delivery `unknown` (it may have gone out) and it is never repeated; only a kill test allows that.
 */
export async function checkWechatSends(ds: DataSource, wechat: FakeWechatServer, orders: PreparedOrder[], { allowUnknown = false } = {}) {
  const problems: string[] = [];
  const openids = new Set(orders.map((o) => o.openid));
  const sentIds = wechat.subscribeSends.filter((s) => openids.has(s.touser)).map((s) => Number(new URL(s.page, 'http://x').searchParams.get('messageId')));
  if (new Set(sentIds).size !== sentIds.length) problems.push('a message was sent to WeChat twice');
  const templated = await ds.manager.findBy(MessageEntity, { userId: In(orders.map((o) => o.userId)), type: In(Object.keys(TEMPLATE_OF)) });
  const deliveries = await ds.manager.findBy(MessageDeliveryEntity, { messageId: In(templated.map((m) => m.id)), channel: 'wechat' });
  if (deliveries.length !== templated.length) problems.push(`${deliveries.length} deliveries for ${templated.length} templated messages`);
  const status = new Map(deliveries.map((d) => [d.messageId, d.status]));
  for (const d of deliveries) {
    if (d.status === 'sent' && !sentIds.includes(d.messageId)) problems.push(`message ${d.messageId} marked sent but WeChat never got it`);
    if (d.status !== 'sent' && !(allowUnknown && d.status === 'unknown')) problems.push(`message ${d.messageId} delivery is ${d.status} (${d.detail})`);
  }
  for (const id of sentIds)
    if (!['sent', 'unknown'].includes(status.get(id) ?? '')) problems.push(`WeChat got message ${id} whose delivery is ${status.get(id)}`);
  return { sends: sentIds.length, unknown: deliveries.filter((d) => d.status === 'unknown').length, problems };
}
