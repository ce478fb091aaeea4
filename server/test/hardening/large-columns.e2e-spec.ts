import { randomUUID } from 'node:crypto';
import { freshPersonId } from '@beian/shared/testing';
import { FilingVersionEntity } from '../../src/filing-record/filing-version.entity';
import { OrderDraftSectionEntity } from '../../src/order-core/order-draft-section.entity';
import { ReviewDecisionEntity } from '../../src/order-core/review-decision.entity';
import { LargeTextColumns1796025746328 } from '../../src/platform/database/migrations/mysql/1796025746328-LargeTextColumns';
import { IdempotencyRecordEntity } from '../../src/platform/http/idempotency-record.entity';
import { IdempotencyService } from '../../src/platform/http/idempotency.service';
import { fileHere } from '../support/filing-record.fixtures';
import { devLogin, useTestApp } from '../support/test-app';

/** Over TEXT's 65,535 bytes, in three-byte characters as Chinese text is. */
const LARGE = '备案'.repeat(40_000);
const LARGE_COLUMNS = [
  ['order_draft_sections', 'data'],
  ['idempotency_records', 'response'],
  ['review_decisions', 'snapshot'],
  ['filing_versions', 'before'],
  ['filing_versions', 'after'],
] as const;

describe('hardening: columns that hold more than 64 KB (sealed drafts, snapshots, replayed answers)', () => {
  const t = useTestApp();
  let orderId: string;
  let userId: string;
  let subjectId: string;

  beforeAll(async () => {
    const owner = await devLogin(t.url, `large-${randomUUID().slice(0, 6)}`);
    userId = owner.user.id;
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
    ({ subjectId } = await fileHere(t, { ownerId: userId, certificateNumber: freshPersonId(), subjectIcpNumber: `京ICP备${Date.now() % 1e10}号` }));
  });

  it('should store and read back a value over 64 KB in every large column', async () => {
    const manager = t.db.manager;
    await manager.insert(OrderDraftSectionEntity, { orderId, section: 'websites', data: LARGE, updatedAt: t.clock.now() });
    const decision = await manager.insert(ReviewDecisionEntity, {
      orderId,
      reviewerId: userId,
      decision: 'reject',
      reasons: '[]',
      snapshot: LARGE,
      reopenedPaths: '[]',
      createdAt: t.clock.now(),
    });
    const version = await manager.insert(FilingVersionEntity, {
      subjectId,
      orderId,
      kind: 'first_filing',
      before: LARGE,
      after: LARGE,
      createdAt: t.clock.now(),
    });

    const section = await manager.findOneByOrFail(OrderDraftSectionEntity, { orderId, section: 'websites' });
    const snapshot = await manager.findOneByOrFail(ReviewDecisionEntity, { id: decision.identifiers[0]!.id as number });
    const record = await manager.findOneByOrFail(FilingVersionEntity, { id: version.identifiers[0]!.id as number });
    expect(Buffer.byteLength(LARGE)).toBeGreaterThan(3 * 65_535);
    expect([section.data, snapshot.snapshot, record.before, record.after]).toEqual([LARGE, LARGE, LARGE, LARGE]);
  });

  it('should replay an idempotent answer over 64 KB, encrypted, as it was first given', async () => {
    const idempotency = t.app.get(IdempotencyService);
    const key = randomUUID();
    let runs = 0;
    const work = () => idempotency.run(userId, key, 'large-answer', null, () => Promise.resolve({ status: 200, body: { note: LARGE, run: ++runs } }));

    const first = await work();
    const replayed = await work();

    expect(first.body).toEqual({ note: LARGE, run: 1 });
    expect(replayed).toEqual(first);
    expect(runs).toBe(1);
  });

  it('should be MEDIUMTEXT on MySQL/MariaDB, and widening a column keeps the rows it holds', async () => {
    if (t.db.isSqlite) return; // SQLite's TEXT has no 64 KB limit: nothing to widen.
    const types = await t.db.rows<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND (${LARGE_COLUMNS.map(() => '(TABLE_NAME = ? AND COLUMN_NAME = ?)').join(' OR ')})`,
      LARGE_COLUMNS.flat(),
    );
    expect(types.map((c) => `${c.table_name}.${c.column_name}: ${c.data_type}`).sort()).toEqual(
      LARGE_COLUMNS.map(([table, column]) => `${table}.${column}: mediumtext`).sort(),
    );

    const migration = new LargeTextColumns1796025746328();
    const runner = t.db.manager.connection.createQueryRunner();
    try {
      await t.db.manager.delete(OrderDraftSectionEntity, { orderId });
      await t.db.manager.delete(ReviewDecisionEntity, { orderId });
      await t.db.manager.delete(FilingVersionEntity, { orderId });
      await t.db.manager.delete(IdempotencyRecordEntity, { userId });
      await migration.down(runner);
      await t.db.manager.insert(OrderDraftSectionEntity, { orderId, section: 'subject', data: '{"name":"示例"}', updatedAt: t.clock.now() });
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect((await t.db.manager.findOneByOrFail(OrderDraftSectionEntity, { orderId, section: 'subject' })).data).toBe('{"name":"示例"}');
  });
});
