import { serviceKey } from '@beian/shared';
import type { MigrationInterface } from 'typeorm';
import { NormaliseResourceUseKeys1796045900000 as NormaliseMysql } from '../../src/platform/database/migrations/mysql/1796045900000-NormaliseResourceUseKeys';
import { NormaliseResourceUseKeys1796045900000 as NormaliseSqlite } from '../../src/platform/database/migrations/sqlite/1796045900000-NormaliseResourceUseKeys';
import { BackfillApprovedResourceUses1796040000000 as BackfillMysql } from '../../src/platform/database/migrations/mysql/1796040000000-BackfillApprovedResourceUses';
import { BackfillApprovedResourceUses1796040000000 as BackfillSqlite } from '../../src/platform/database/migrations/sqlite/1796040000000-BackfillApprovedResourceUses';
import { RekeyInternationalisedResourceUses1796046654819 as RekeyMysql } from '../../src/platform/database/migrations/mysql/1796046654819-RekeyInternationalisedResourceUses';
import { RekeyInternationalisedResourceUses1796046654819 as RekeySqlite } from '../../src/platform/database/migrations/sqlite/1796046654819-RekeyInternationalisedResourceUses';
import { ResourceUseEntity } from '../../src/resources/resource-use.entity';
import { ResourceUses } from '../../src/resources/resource-uses';
import { fileHere } from '../support/filing-record.fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('cloud resources: quota rows written with the first keys are keyed as today', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function migrate(migration: MigrationInterface) {
    const runner = t.db.dataSource.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }
  const normalise = () => migrate(t.db.isSqlite ? new NormaliseSqlite() : new NormaliseMysql());
  const backfill = () => migrate(t.db.isSqlite ? new BackfillSqlite() : new BackfillMysql());
  const rekey = () => migrate(t.db.isSqlite ? new RekeySqlite() : new RekeyMysql());
  const keysOf = async (accountId: string) =>
    (await t.db.manager.find(ResourceUseEntity, { where: { accountId }, order: { id: 'ASC' } })).map((row) => [row.orderId, row.serviceKey]);

  it('should count an APP once on its instance and release its place when its approved row kept the name as typed', async () => {
    const uses = t.app.get(ResourceUses);
    const accountId = `use-keys-account-${Date.now()}`;
    const at = t.clock.now();
    // As written before keys were normalised: the approved APP by its typed name, a 变更 of it in flight by today's key.
    await t.db.manager.insert(ResourceUseEntity, [
      { accountId, instanceId: 'ins-keys-1', orderId: 'order-approved', serviceKey: 'app:My  Shop ', stage: 'approved', updatedAt: at },
      {
        accountId,
        instanceId: 'ins-keys-1',
        orderId: 'order-change',
        serviceKey: serviceKey('app', 'my shop'),
        stage: 'pending_initial_review',
        updatedAt: at,
      },
      { accountId, instanceId: 'ins-keys-1', orderId: 'order-site', serviceKey: 'website:keys.example.cn', stage: 'approved', updatedAt: at },
    ]);

    await normalise();
    await normalise();

    expect(await keysOf(accountId)).toEqual([
      ['order-approved', serviceKey('app', 'My  Shop ')],
      ['order-change', 'app:my shop'],
      ['order-site', 'website:keys.example.cn'],
    ]);
    expect((await uses.counts(t.db.manager, accountId, ['ins-keys-1'], null)).get('ins-keys-1')).toBe(2);
    await t.db.manager.transaction((tx) => uses.releaseServices(tx, ['app:my shop']));
    expect(await keysOf(accountId)).toEqual([
      ['order-change', 'app:my shop'],
      ['order-site', 'website:keys.example.cn'],
    ]);
  });

  it('should count a website once on its instance and let its 变更 replace its approved row when its first domain is Chinese or full-width', async () => {
    const uses = t.app.get(ResourceUses);
    const stamp = Date.now();
    const accountId = `idn-keys-account-${stamp}`;
    const at = t.clock.now();
    // Approved before the quota rows existed, first domain Chinese: the backfill keyed it by its other domain.
    await fileHere(t, {
      ownerId: accountId,
      certificateNumber: `9111000${stamp}X`,
      subjectIcpNumber: `京ICP备${stamp}号`,
      services: [{ name: '备案中文.cn', moreDomains: ['a-idn.example.cn'], instanceId: 'ins-idn-1' }],
    });
    await backfill();
    const backfilled = await t.db.manager.findOneByOrFail(ResourceUseEntity, { accountId });
    expect(backfilled.serviceKey).toBe('website:a-idn.example.cn');
    // As written before domains were keyed in their ASCII form: the first domain lower-cased as typed; 变更 in flight by today's key.
    const rows = [
      { orderId: 'order-change-backfilled', instanceId: 'ins-idn-1', serviceKey: serviceKey('website', '备案中文.cn'), stage: 'regulator_review' },
      { orderId: 'order-chinese', instanceId: 'ins-idn-2', serviceKey: 'website:中文测试.cn', stage: 'approved' },
      { orderId: 'order-change-chinese', instanceId: 'ins-idn-2', serviceKey: serviceKey('website', '中文测试.cn'), stage: 'pending_initial_review' },
      { orderId: 'order-full-width', instanceId: 'ins-idn-2', serviceKey: 'website:ｆｕｌｌ。ｅｘａｍｐｌｅ。ｃｎ', stage: 'approved' },
      { orderId: 'order-change-full-width', instanceId: 'ins-idn-2', serviceKey: serviceKey('website', 'full.example.cn'), stage: 'sms_verification' },
      { orderId: 'order-ascii', instanceId: 'ins-idn-2', serviceKey: 'website:ascii.example.cn', stage: 'approved' },
    ];
    await t.db.manager.insert(
      ResourceUseEntity,
      rows.map((row) => ({ ...row, accountId, updatedAt: at })),
    );

    await rekey();
    await rekey();

    expect(await keysOf(accountId)).toEqual([
      [backfilled.orderId, 'website:xn--fiq67xl5jswc.cn'],
      ['order-change-backfilled', serviceKey('website', '备案中文.cn')],
      ['order-chinese', serviceKey('website', '中文测试.cn')],
      ['order-change-chinese', serviceKey('website', '中文测试.cn')],
      ['order-full-width', 'website:full.example.cn'],
      ['order-change-full-width', 'website:full.example.cn'],
      ['order-ascii', 'website:ascii.example.cn'],
    ]);
    const counts = await uses.counts(t.db.manager, accountId, ['ins-idn-1', 'ins-idn-2'], null);
    expect([counts.get('ins-idn-1'), counts.get('ins-idn-2')]).toEqual([1, 3]);
    await t.db.manager.transaction((tx) => uses.approve(tx, { id: 'order-change-backfilled', ownerId: accountId }));
    expect((await keysOf(accountId)).map(([orderId]) => orderId)).not.toContain(backfilled.orderId);
  });
});
