import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrderHistoryEntity } from '../../src/order-core/order-history.entity';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { api, type ApiAnswer } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { checkConsistency, checkWechatSends, drained, preparedOrder, reviewerOn, wechatEnvironment, type Client, type PreparedOrder } from './burst.support';
import { inspectDatabase, sharedEnvironment, spawnServer, waitUntil, type ServerProcess } from './server-process';

// Real server processes on a shared machine: the limit guards against a hang, not a speed.
jest.setTimeout(150_000);

/** Orders submitted before the burst (the burst approves them) and orders the burst submits. */
const ORDERS_EACH = 10;
/** The process dies once this many answers of the burst came back. */
const KILL_AFTER = 6;

interface BurstRequest {
  kind: 'submit' | 'approve';
  order: PreparedOrder;
  /** A submit carries one; its retry after the restart sends the same. */
  idempotencyKey: string;
  answer: ApiAnswer | null;
  error: string | null;
}

describe('SIGKILL in the middle of a burst of transitions, then a restart on the same database', () => {
  const wechat = new FakeWechatServer();
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: ServerProcess;
  let ds: DataSource;

  beforeAll(async () => {
    await wechat.start();
    database = await createTestDatabase();
    // A short lease: what the killed process had claimed is taken over soon after the restart.
    env = sharedEnvironment(database.url, { ...wechatEnvironment(wechat), WORKER_LEASE_MS: '1500', WORKER_RETRY_BASE_MS: '200' });
    server = await spawnServer(env);
    ds = await inspectDatabase(database.url);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await ds?.destroy();
    await database?.drop();
    await wechat.stop();
  });

  const send = (client: Client, request: BurstRequest) =>
    request.kind === 'submit'
      ? client.post(`/api/orders/${request.order.orderId}/submit`, {}, { 'idempotency-key': request.idempotencyKey })
      : client.post(`/api/review/orders/${request.order.orderId}/approve`);
  const eventsOf = async (orderId: string) => (await ds.manager.find(OrderHistoryEntity, { where: { orderId }, order: { id: 'ASC' } })).map((h) => h.event);

  it('should keep every accepted change, lose none and duplicate nothing when the process is killed and restarted', async () => {
    const toApprove = await Promise.all(Array.from({ length: ORDERS_EACH }, () => preparedOrder(server.url, wechat)));
    const toSubmit = await Promise.all(Array.from({ length: ORDERS_EACH }, () => preparedOrder(server.url, wechat)));
    for (const o of toApprove) expect((await o.client.post(`/api/orders/${o.orderId}/submit`)).status).toBe(200);
    await waitUntil('the submissions before the burst are delivered', () => drained(ds));
    const reviewer = await reviewerOn(server.url);

    const burst: BurstRequest[] = toSubmit.flatMap((o, n) => [
      { kind: 'submit' as const, order: o, idempotencyKey: randomUUID(), answer: null, error: null },
      { kind: 'approve' as const, order: toApprove[n]!, idempotencyKey: '', answer: null, error: null },
    ]);
    let answered = 0;
    const killed = new Promise<void>((resolve) => {
      void Promise.all(
        burst.map(async (request) => {
          try {
            request.answer = await send(request.kind === 'submit' ? request.order.client : reviewer, request);
          } catch (error) {
            request.error = error instanceof Error ? error.message : String(error);
          }
          if (++answered === KILL_AFTER) void server.kill().then(resolve);
        }),
      );
    });
    await killed;
    await waitUntil('every request of the burst ended', async () => burst.every((r) => r.answer || r.error), 10_000);
    const accepted = burst.filter((r) => r.answer && r.answer.status < 300);
    const lost = burst.filter((r) => !r.answer);

    server = await spawnServer(env);
    const reflected = await Promise.all(
      accepted.map(async (r) => (await eventsOf(r.order.orderId)).includes(r.kind === 'submit' ? 'submit' : 'approve_initial')),
    );
    const retries = await Promise.all(
      lost.map(async (r) => {
        const committedBefore = (await eventsOf(r.order.orderId)).includes(r.kind === 'submit' ? 'submit' : 'approve_initial');
        const client = r.kind === 'submit' ? api(server.url, r.order.token) : await reviewerOn(server.url);
        const answer = await send(client, r);
        return { kind: r.kind, committedBefore, status: answer.status, code: (answer.body as { code?: string } | null)?.code };
      }),
    );
    await waitUntil('the restarted process drained what the killed one left', () => drained(ds));
    await waitUntil(
      'the WeChat sends settled',
      async () => (await checkWechatSends(ds, wechat, [...toApprove, ...toSubmit], { allowUnknown: true })).problems.length === 0,
      10_000,
    );

    const consistency = await checkConsistency(ds, [...toApprove, ...toSubmit]);
    const sends = await checkWechatSends(ds, wechat, [...toApprove, ...toSubmit], { allowUnknown: true });
    console.log(
      `kill mid-burst (${database.kind}): ${burst.length} requests (${ORDERS_EACH} submits, ${ORDERS_EACH} approvals), ${accepted.length} accepted before the kill, ` +
        `${burst.length - accepted.length - lost.length} refused, ${lost.length} cut off by the kill and retried ` +
        `(${retries.filter((r) => r.committedBefore).length} of them had committed); after the restart: ${consistency.transitions} transitions, ` +
        `${consistency.outboxRows} outbox rows, ${consistency.messages} messages, ${sends.sends} WeChat sends, ${sends.unknown} sends cut off mid-call`,
    );
    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER - 1);
    expect(lost.length).toBeGreaterThan(0);
    expect(reflected).toEqual(accepted.map(() => true));
    for (const retry of retries) {
      // A submit's retry replays (or makes) the answer under its key; an approval that had committed is refused, not repeated.
      if (retry.kind === 'submit' || !retry.committedBefore) expect(retry).toMatchObject({ status: 200 });
      else expect(retry).toMatchObject({ status: 409, code: 'TRANSITION_NOT_ALLOWED' });
    }
    expect(consistency.problems).toEqual([]);
    expect(toApprove.map((o) => consistency.events.get(o.orderId))).toEqual(toApprove.map(() => ['submit', 'approve_initial', 'submit_to_regulator']));
    expect(toSubmit.map((o) => consistency.events.get(o.orderId))).toEqual(toSubmit.map(() => ['submit']));
    expect(sends.problems).toEqual([]);
  });
});
