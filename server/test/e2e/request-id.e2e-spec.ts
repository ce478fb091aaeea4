import { JobRunner, type DueJob } from '../../src/jobs/job.runner';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { JobEntity } from '../../src/jobs/job.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker, type OutboxDelivery } from '../../src/outbox/outbox.worker';
import { OutboxWriter } from '../../src/outbox/outbox.writer';
import { RequestContext } from '../../src/platform/http/request-context';
import { devLogin, startTestApp, type TestApp } from '../support/test-app';

describe('request id', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

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
