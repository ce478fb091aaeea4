import { JobRunner, type DueJob } from '../../src/jobs/job.runner';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { JobEntity } from '../../src/jobs/job.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker, type OutboxDelivery } from '../../src/outbox/outbox.worker';
import { OutboxWriter } from '../../src/outbox/outbox.writer';
import { RequestContext } from '../../src/platform/http/request-context';
import { StreamLogger } from '../../src/platform/logging/stream-logger';
import { devLogin, useTestApp } from '../support/test-app';

describe('request id', () => {
  const t = useTestApp();

  it('should take the caller x-request-id, answer it, log it and keep it on the jobs the request schedules', async () => {
    const owner = await devLogin(t.url, '请求号');
    const before = await t.db.manager.count(JobEntity);

    const res = await fetch(`${t.url}/api/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json', 'x-request-id': 'lb-7f3a9c' },
      body: JSON.stringify({ kind: 'first_filing', subjectType: 'personal', serviceType: 'website' }),
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a9c');
    const jobs = await t.db.manager.find(JobEntity, { order: { id: 'ASC' } });
    expect(jobs.length).toBeGreaterThan(before);
    expect(jobs.slice(before).map((j) => j.requestId)).toEqual(jobs.slice(before).map(() => 'lb-7f3a9c'));
    expect(t.logLines.some((line) => JSON.parse(line).reqId === 'lb-7f3a9c')).toBe(true);
  });

  it('should generate an id when the caller sends none or one that is not sane', async () => {
    const none = await fetch(`${t.url}/api/health/live`);
    const bad = await fetch(`${t.url}/api/health/live`, { headers: { 'x-request-id': 'a b\tc' } });

    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-request-id')).not.toBe(bad.headers.get('x-request-id'));
  });

  it('should run a job under its request id and carry it into the outbox messages the job writes and their deliveries', async () => {
    const seen: { job?: DueJob; delivery?: OutboxDelivery } = {};
    t.app.get(JobRunner).handle('test.request-id', async (job) => {
      seen.job = job;
      await t.db.transaction((tx) =>
        t.app.get(OutboxWriter).write(tx, [{ type: 'test.request-id', aggregateId: 'rid', payload: {}, dedupeKey: 'rid:1' }], t.clock.now()),
      );
    });
    t.app.get(OutboxWorker).handle('test.request-id', async (delivery) => {
      seen.delivery = delivery;
    });
    await RequestContext.run('req-from-client', () =>
      t.db.transaction((tx) => t.app.get(JobScheduler).schedule(tx, { type: 'test.request-id', payload: {}, dueAt: t.clock.now(), dedupeKey: 'rid:job' })),
    );

    await t.app.get(JobRunner).drain();
    await t.app.get(OutboxWorker).drain();

    expect(seen.job?.requestId).toBe('req-from-client');
    expect((await t.db.manager.findOneByOrFail(OutboxMessageEntity, { dedupeKey: 'rid:1' })).requestId).toBe('req-from-client');
    expect(seen.delivery?.requestId).toBe('req-from-client');
    expect(RequestContext.currentId()).toBeNull();
  });
});

describe('request id of outbox rows delivered in one batch', () => {
  const TYPE = 'test.batch-request-id';
  const lines: string[] = [];
  const t = useTestApp({ WORKER_MAX_ATTEMPTS: '2', WORKER_RETRY_BASE_MS: '0' });

  beforeAll(async () => {
    // A retry is logged at warn, which the test app's logger leaves out.
    t.app.useLogger(new StreamLogger({ write: (line) => void lines.push(line) }, ['error', 'warn']));
  });

  it('should log the retry and the dead letter of each row of a batch under the request id the row was written under', async () => {
    const batches: string[][] = [];
    t.app.get(OutboxWorker).handleBatch<{ fails: boolean }>(TYPE, async (deliveries) => {
      batches.push(deliveries.map((d) => d.requestId ?? ''));
      return deliveries.map((d) => (d.payload.fails ? new Error(`refused ${d.aggregateId}`) : null));
    });
    const rows = [
      { requestId: 'req-one', aggregateId: 'one', fails: true },
      { requestId: 'req-two', aggregateId: 'two', fails: false },
      { requestId: 'req-three', aggregateId: 'three', fails: true },
    ];
    for (const { requestId, aggregateId, fails } of rows)
      await RequestContext.run(requestId, () =>
        t.db.transaction((tx) =>
          t.app.get(OutboxWriter).write(tx, [{ type: TYPE, aggregateId, payload: { fails }, dedupeKey: `batch-rid:${aggregateId}` }], t.clock.now()),
        ),
      );

    await t.app.get(OutboxWorker).drain();

    const logged = lines.map((line) => JSON.parse(line) as { level: number; reqId?: string; msg: string }).filter((line) => line.msg.startsWith(TYPE));
    expect(batches[0]).toEqual(['req-one', 'req-two', 'req-three']);
    expect(batches.slice(1).flat().sort()).toEqual(['req-one', 'req-three']);
    expect(logged.map((line) => `${line.level} ${line.reqId} ${line.msg.replace(/ #\d+/, '')}`).sort()).toEqual([
      `40 req-one ${TYPE} [request req-one] failed (attempt 1): refused one`,
      `40 req-three ${TYPE} [request req-three] failed (attempt 1): refused three`,
      `50 req-one ${TYPE} [request req-one] is dead after 2 attempts: refused one`,
      `50 req-three ${TYPE} [request req-three] is dead after 2 attempts: refused three`,
    ]);
    expect((await t.db.manager.findBy(OutboxMessageEntity, { type: TYPE })).map((row) => `${row.aggregateId}:${row.status}`).sort()).toEqual([
      'one:dead',
      'three:dead',
      'two:sent',
    ]);
  });
});
