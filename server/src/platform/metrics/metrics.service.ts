import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Clock } from '../clock/clock';
import { DatabaseService } from '../database/database.service';

/** Seconds; request latencies from a cached progress read (ms) to a slow upload. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Database figures are read at most this often, however often Prometheus scrapes (several replicas share them). */
const QUEUE_TTL_MS = 2_000;
const ORDERS_TTL_MS = 5_000;

/** The tables claimed under a lease (jobs, outbox): read by name here, so the platform imports neither module. */
const QUEUES = [
  { name: 'jobs', table: 'jobs' },
  { name: 'outbox', table: 'outbox_messages' },
] as const;

interface QueueFigures {
  pending: number;
  /** Pending rows whose due time has passed (waiting for a runner, or being run). */
  due: number;
  dead: number;
  /** Age of the oldest due pending row: how far the runners are behind; 0 when none is due. */
  lagSeconds: number;
}

/**
 * Prometheus metrics of this process (the route and the HTTP hooks are added in app.factory, outside `/api`), in a registry of its own (one per app, so several apps in one test process
 * do not collide): HTTP requests by route template and status, job and outbox backlog and lag, dead letters,
 * the database pool, orders by state, and Node's default process metrics.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route' | 'status'>;
  private queueCache: { at: number; figures: Promise<Record<string, QueueFigures>> } | null = null;
  private ordersCache: { at: number; counts: Promise<{ status: string; count: number }[]> } | null = null;

  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });

    const queueGauge = (name: string, help: string, pick: (f: QueueFigures) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['queue'],
        registers: [this.registry],
        collect: async function (this: Gauge<'queue'>) {
          const figures = await self.queueFigures();
          for (const [queue, f] of Object.entries(figures)) this.set({ queue }, pick(f));
        },
      });
    const self = this;
    queueGauge('beian_queue_pending_rows', 'Pending jobs / outbox messages (due or not)', (f) => f.pending);
    queueGauge('beian_queue_due_rows', 'Pending jobs / outbox messages whose due time has passed', (f) => f.due);
    queueGauge('beian_queue_lag_seconds', 'Age of the oldest due pending job / outbox message (0 when none is due)', (f) => f.lagSeconds);
    queueGauge('beian_queue_dead_rows', 'Dead letters: jobs / outbox messages that failed every attempt', (f) => f.dead);

    new Gauge({
      name: 'beian_orders',
      help: 'Filing orders by state (counted at most every 5 s)',
      labelNames: ['state'],
      registers: [this.registry],
      collect: async function (this: Gauge<'state'>) {
        this.reset();
        for (const { status, count } of await self.orderCounts()) this.set({ state: status }, count);
      },
    });
    new Gauge({
      name: 'beian_db_pool_connections',
      help: 'Database pool connections by state (MySQL/MariaDB; SQLite has one connection and reports none)',
      labelNames: ['state'],
      registers: [this.registry],
      collect: function (this: Gauge<'state'>) {
        const pool = self.poolFigures();
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.inUse);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'max' }, pool.max);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }

  /** Called once per answered request (Fastify onResponse); `route` is the template, e.g. `/api/orders/:id`. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private queueFigures(): Promise<Record<string, QueueFigures>> {
    const now = Date.now();
    if (!this.queueCache || now - this.queueCache.at > QUEUE_TTL_MS) {
      const figures = this.readQueues();
      this.queueCache = { at: now, figures };
      figures.catch(() => (this.queueCache = null));
    }
    return this.queueCache.figures;
  }

  private async readQueues(): Promise<Record<string, QueueFigures>> {
    const now = this.clock.now();
    const result: Record<string, QueueFigures> = {};
    for (const { name, table } of QUEUES) {
      // Both statements use the (status, due_at) index.
      const [pending] = await this.db.rows<{ pending: number | string; due: number | string; oldest: Date | string | null }>(
        `SELECT COUNT(*) AS pending, SUM(CASE WHEN due_at <= ? THEN 1 ELSE 0 END) AS due, MIN(due_at) AS oldest FROM ${table} WHERE status = 'pending'`,
        [this.db.timeParam(now)],
      );
      const [dead] = await this.db.rows<{ dead: number | string }>(`SELECT COUNT(*) AS dead FROM ${table} WHERE status = 'dead'`, []);
      const oldest = pending?.oldest ? this.db.timeFromRow(pending.oldest) : null;
      result[name] = {
        pending: Number(pending?.pending ?? 0),
        due: Number(pending?.due ?? 0),
        dead: Number(dead?.dead ?? 0),
        lagSeconds: oldest && oldest <= now ? (now.getTime() - oldest.getTime()) / 1000 : 0,
      };
    }
    return result;
  }

  private orderCounts(): Promise<{ status: string; count: number }[]> {
    const now = Date.now();
    if (!this.ordersCache || now - this.ordersCache.at > ORDERS_TTL_MS) {
      const counts = this.db
        .rows<{ status: string; count: number | string }>('SELECT status, COUNT(*) AS count FROM filing_orders GROUP BY status', [])
        .then((rows) => rows.map((r) => ({ status: r.status, count: Number(r.count) })));
      this.ordersCache = { at: now, counts };
      counts.catch(() => (this.ordersCache = null));
    }
    return this.ordersCache.counts;
  }

  /** mysql2's pool keeps its figures in private arrays; read them defensively (null when not there). */
  private poolFigures(): { inUse: number; idle: number; max: number; waiting: number } | null {
    if (this.db.isSqlite || !this.db.dataSource.isInitialized) return null;
    const pool = (this.db.dataSource.driver as unknown as { pool?: Record<string, unknown> }).pool;
    const all = pool?._allConnections as { length: number } | undefined;
    const free = pool?._freeConnections as { length: number } | undefined;
    const queue = pool?._connectionQueue as { length: number } | undefined;
    const max = (pool?.config as { connectionLimit?: number } | undefined)?.connectionLimit;
    if (!all || !free || typeof max !== 'number') return null;
    return { inUse: all.length - free.length, idle: free.length, max, waiting: queue?.length ?? 0 };
  }
}
