// The floor the benchmarks compare the product with: bare Fastify + the database driver, on the product's own
// tables (BARE_DATABASE = sqlite:<path> or mysql://…), no auth, validation, encryption or framework layers.
//   PATCH /orders/:id/draft    {version, draft: {<section>: …}}: bumps the order version and upserts the sections, in one transaction
//   GET   /orders/:id/progress the order row by id + its history, oldest first
//   GET   /filings/subjects?owner=…      我的备案: the owner's subjects with active 网站/APP counts (MariaDB only)
//   GET   /filings/subjects/:id?owner=…  the owner's subject + its services with our current access (MariaDB only)
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const serverRequire = createRequire(join(resolve(process.env.BENCH_SERVER_ROOT ?? join(import.meta.dirname, '../../..')), 'server/package.json'));
const fastify = serverRequire('fastify')({ logger: false });
const database = process.env.BARE_DATABASE ?? '';

const ORDER_SQL = 'SELECT id, kind, status, version, submitted_at, updated_at FROM filing_orders WHERE id = ?';
const SUBJECT_COLUMNS = 's.id, s.subject_icp_number, s.name, s.nature, s.province_code, s.region_code, s.origin, s.state, s.approved_at, s.changed_at';
const SUBJECTS_SQL = `SELECT ${SUBJECT_COLUMNS}, SUM(CASE WHEN v.service_type = 'website' THEN 1 ELSE 0 END) AS website_count,
  SUM(CASE WHEN v.service_type = 'app' THEN 1 ELSE 0 END) AS app_count
  FROM filing_subjects s LEFT JOIN filing_services v ON v.subject_id = s.id AND v.state = 'active'
  WHERE s.owner_id = ? GROUP BY ${SUBJECT_COLUMNS} ORDER BY s.approved_at DESC, s.id`;
const SUBJECT_SQL = `SELECT ${SUBJECT_COLUMNS}, s.certificate_type, s.details, s.principal FROM filing_subjects s WHERE s.id = ? AND s.owner_id = ?`;
const SERVICES_SQL = `SELECT v.id, v.subject_id, v.service_type, v.service_icp_number, v.seq, v.name, v.domains, v.home_url, v.packages, v.state, v.approved_at,
  a.provider AS access_provider, a.since AS access_since
  FROM filing_services v LEFT JOIN filing_access_records a ON a.service_id = v.id AND a.ended_at IS NULL WHERE v.subject_id = ? ORDER BY v.seq, a.id`;
const HISTORY_SQL = 'SELECT from_status, to_status, event, actor_type, reason, created_at FROM order_history WHERE order_id = ? ORDER BY id';

function sqliteStore(path) {
  const db = serverRequire('better-sqlite3')(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const bump = db.prepare('UPDATE filing_orders SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?');
  const current = db.prepare('SELECT version FROM filing_orders WHERE id = ?');
  const upsert = db.prepare(
    'INSERT INTO order_draft_sections (order_id, section, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (order_id, section) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  const order = db.prepare(ORDER_SQL);
  const history = db.prepare(HISTORY_SQL);
  const save = db.transaction((id, version, sections, now) => {
    const stamp = now.toISOString().replace('T', ' ').slice(0, 23);
    if (!bump.run(stamp, id, version).changes) return { conflict: current.get(id)?.version };
    for (const [section, value] of Object.entries(sections)) upsert.run(id, section, JSON.stringify(value), stamp);
    return { version: version + 1 };
  });
  return {
    save: async (...args) => save(...args),
    progress: async (id) => ({ order: order.get(id), history: history.all(id) }),
  };
}

function mysqlStore(url) {
  const pool = serverRequire('mysql2/promise').createPool({ uri: url, timezone: 'Z', connectionLimit: 10 });
  return {
    async save(id, version, sections, now) {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const [bumped] = await conn.execute('UPDATE filing_orders SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [now, id, version]);
        if (!bumped.affectedRows) {
          await conn.rollback();
          const [rows] = await conn.execute('SELECT version FROM filing_orders WHERE id = ?', [id]);
          return { conflict: rows[0]?.version };
        }
        for (const [section, value] of Object.entries(sections)) {
          await conn.execute(
            'INSERT INTO order_draft_sections (order_id, section, data, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE data = VALUES(data), updated_at = VALUES(updated_at)',
            [id, section, JSON.stringify(value), now],
          );
        }
        await conn.commit();
        return { version: version + 1 };
      } catch (error) {
        await conn.rollback();
        throw error;
      } finally {
        conn.release();
      }
    },
    async progress(id) {
      const [[order]] = await pool.execute(ORDER_SQL, [id]);
      const [history] = await pool.execute(HISTORY_SQL, [id]);
      return { order, history };
    },
    async filingSubjects(owner) {
      const [rows] = await pool.execute(SUBJECTS_SQL, [owner]);
      return rows;
    },
    async filingSubject(owner, id) {
      const [[subject]] = await pool.execute(SUBJECT_SQL, [id, owner]);
      if (!subject) return null;
      const [services] = await pool.execute(SERVICES_SQL, [id]);
      return { ...subject, services };
    },
  };
}

const store = database.startsWith('sqlite:') ? sqliteStore(database.slice('sqlite:'.length)) : mysqlStore(database);

fastify.patch('/orders/:id/draft', async (request, reply) => {
  const { version, draft } = request.body;
  const now = new Date();
  const result = await store.save(request.params.id, version, draft, now);
  if (result.conflict !== undefined) return reply.status(409).send({ code: 'VERSION_CONFLICT', details: { version: result.conflict } });
  return { version: result.version, savedAt: now.toISOString() };
});

fastify.get('/orders/:id/progress', async (request, reply) => {
  const { order, history } = await store.progress(request.params.id);
  if (!order) return reply.status(404).send({ code: 'ORDER_NOT_FOUND' });
  return { ...order, timeline: history };
});

fastify.get('/filings/subjects', async (request) => store.filingSubjects(request.query.owner));

fastify.get('/filings/subjects/:id', async (request, reply) => {
  const subject = await store.filingSubject(request.query.owner, request.params.id);
  return subject ?? reply.status(404).send({ code: 'FILING_SUBJECT_NOT_FOUND' });
});

const address = await fastify.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`bare handlers running at ${address}`);
process.once('SIGTERM', () => void fastify.close().then(() => process.exit(0)));
