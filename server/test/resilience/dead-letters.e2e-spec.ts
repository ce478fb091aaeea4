import { JobEntity } from '../../src/jobs/job.entity';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { JobRunner } from '../../src/jobs/job.runner';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { OutboxWriter } from '../../src/outbox/outbox.writer';
import { devLogin, useTestApp } from '../support/test-app';

describe('dead letters: staff see outbox messages and jobs that failed their last attempt and requeue them', () => {
  const t = useTestApp({ WORKER_MAX_ATTEMPTS: '1' });
  let admin: Awaited<ReturnType<typeof devLogin>>['client'];
  let reviewer: Awaited<ReturnType<typeof devLogin>>['client'];
  let healed = false;
  const ran: string[] = [];

  beforeAll(async () => {
    const failUnlessHealed = async (key: string) => {
      if (!healed) throw new Error('downstream unavailable');
      ran.push(key);
    };
    t.app.get(JobRunner).handle('test.flaky', (job) => failUnlessHealed(job.dedupeKey));
    t.app.get(OutboxWorker).handle('test.flaky', (message) => failUnlessHealed(message.dedupeKey));
    admin = (await devLogin(t.url, '管理员-小王')).client;
    reviewer = (await devLogin(t.url, '审核员-小李')).client;
  });

  async function deadRows() {
    await t.db.transaction(async (tx) => {
      await t.app.get(JobScheduler).schedule(tx, { type: 'test.flaky', payload: {}, dueAt: t.clock.now(), dedupeKey: 'job:flaky:1' });
      await t.app.get(OutboxWriter).write(tx, [{ type: 'test.flaky', aggregateId: 'aggregate-1', payload: {}, dedupeKey: 'outbox:flaky:1' }], t.clock.now());
    });
    await t.app.get(JobRunner).drain();
    await t.app.get(OutboxWorker).drain();
    return {
      job: await t.db.manager.findOneByOrFail(JobEntity, { dedupeKey: 'job:flaky:1' }),
      message: await t.db.manager.findOneByOrFail(OutboxMessageEntity, { dedupeKey: 'outbox:flaky:1' }),
    };
  }

  it('should list dead messages and jobs to an admin and run each once after it is requeued', async () => {
    const { job, message } = await deadRows();

    const deadMessages = await admin.get('/api/admin/outbox/dead');
    const deadJobs = await admin.get('/api/admin/jobs/dead');
    healed = true;
    const requeuedMessage = await admin.post(`/api/admin/outbox/${message.id}/requeue`);
    const requeuedJob = await admin.post(`/api/admin/jobs/${job.id}/requeue`);
    const again = await admin.post(`/api/admin/jobs/${job.id}/requeue`);
    await t.app.get(JobRunner).drain();
    await t.app.get(OutboxWorker).drain();

    expect(deadMessages).toEqual({
      status: 200,
      body: [
        {
          id: message.id,
          type: 'test.flaky',
          aggregateId: 'aggregate-1',
          dedupeKey: 'outbox:flaky:1',
          attempts: 1,
          lastError: 'downstream unavailable',
          dueAt: expect.any(String),
          createdAt: t.clock.now().toISOString(),
        },
      ],
    });
    expect(deadJobs.body).toEqual([
      expect.objectContaining({ id: job.id, aggregateId: null, dedupeKey: 'job:flaky:1', attempts: 1, lastError: 'downstream unavailable' }),
    ]);
    expect(requeuedMessage).toEqual({ status: 200, body: { id: message.id, status: 'pending' } });
    expect(requeuedJob).toEqual({ status: 200, body: { id: job.id, status: 'pending' } });
    expect(again).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(ran.sort()).toEqual(['job:flaky:1', 'outbox:flaky:1']);
    expect((await admin.get('/api/admin/outbox/dead')).body).toEqual([]);
    expect((await admin.get('/api/admin/jobs/dead')).body).toEqual([]);
    expect(await t.db.manager.findOneByOrFail(JobEntity, { id: job.id })).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('should refuse the dead-letter endpoints to a reviewer and to an anonymous caller', async () => {
    const asReviewer = await reviewer.get('/api/admin/outbox/dead');
    const requeueAsReviewer = await reviewer.post('/api/admin/jobs/1/requeue');
    const anonymous = await fetch(`${t.url}/api/admin/jobs/dead`);

    expect(asReviewer).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    expect(requeueAsReviewer).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    expect(anonymous.status).toBe(401);
  });

  it('should answer 404 when the row to requeue does not exist or is not a number', async () => {
    expect(await admin.post('/api/admin/outbox/999999/requeue')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await admin.post('/api/admin/jobs/abc/requeue')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
