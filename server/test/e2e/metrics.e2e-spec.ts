import { JobScheduler } from '../../src/jobs/job-scheduler';
import { JobEntity } from '../../src/jobs/job.entity';
import { api, devLogin, startTestApp, useTestApp } from '../support/test-app';

/** The value of one sample line, e.g. `http_requests_total{method="GET",route="/api/health/live",status="200"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = new Map([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (wanted.every(([k, v]) => have.get(k) === v)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics', () => {
  const t = useTestApp();

  const scrape = async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('should count requests and their latency by route template and status, never by raw URL', async () => {
    const owner = await devLogin(t.url, '指标');
    const orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id as string;
    for (let n = 0; n < 3; n++) await api(t.url).get('/api/health/live');
    await owner.client.get(`/api/orders/${orderId}`);
    await api(t.url).get('/api/no-such-thing');

    const text = await scrape();

    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/api/health/live', status: '200' })).toBe(3);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/api/orders/:id', status: '200' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/auth/dev-login', status: '200' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/api/health/live', le: '+Inf' })).toBe(3);
    expect(text).not.toContain(orderId);
    expect(sample(text, 'beian_orders', { state: 'draft' })).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('should report job backlog, lag of the oldest due row and dead letters', async () => {
    const now = t.clock.now();
    await t.db.transaction(async (tx) => {
      const scheduler = t.app.get(JobScheduler);
      await scheduler.schedule(tx, { type: 'test.metrics', payload: {}, dueAt: new Date(now.getTime() - 90_000), dedupeKey: 'metrics:late' });
      await scheduler.schedule(tx, { type: 'test.metrics', payload: {}, dueAt: new Date(now.getTime() + 3600_000), dedupeKey: 'metrics:later' });
      await scheduler.schedule(tx, { type: 'test.metrics', payload: {}, dueAt: now, dedupeKey: 'metrics:dead' });
      await tx.update(JobEntity, { dedupeKey: 'metrics:dead' }, { status: 'dead' });
    });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2 s cache of the first scrape

    const text = await scrape();
    const pending = sample(text, 'beian_queue_pending_rows', { queue: 'jobs' })!;

    expect(pending).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'beian_queue_due_rows', { queue: 'jobs' })).toBe(1); // the late one; the order's own jobs are due later
    expect(sample(text, 'beian_queue_lag_seconds', { queue: 'jobs' })).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'beian_queue_dead_rows', { queue: 'jobs' })).toBe(1);
    expect(sample(text, 'beian_queue_dead_rows', { queue: 'outbox' })).toBe(0);
    expect(sample(text, 'beian_queue_pending_rows', { queue: 'outbox' })).toEqual(expect.any(Number));
    if (t.database.kind === 'mysql') {
      expect(sample(text, 'beian_db_pool_connections', { state: 'max' })).toBe(10);
      expect(sample(text, 'beian_db_pool_connections', { state: 'in_use' })).toEqual(expect.any(Number));
    } else {
      expect(text).not.toMatch(/^beian_db_pool_connections\{/m);
    }
  });

  it('should leave /metrics out when METRICS_ENABLED=false', async () => {
    const off = await startTestApp({ METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
