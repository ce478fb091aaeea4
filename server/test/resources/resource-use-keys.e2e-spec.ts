import { serviceKey } from '@beian/shared';
import { NormaliseResourceUseKeys1796045900000 as NormaliseMysql } from '../../src/platform/database/migrations/mysql/1796045900000-NormaliseResourceUseKeys';
import { NormaliseResourceUseKeys1796045900000 as NormaliseSqlite } from '../../src/platform/database/migrations/sqlite/1796045900000-NormaliseResourceUseKeys';
import { ResourceUseEntity } from '../../src/resources/resource-use.entity';
import { ResourceUses } from '../../src/resources/resource-uses';
import { startTestApp, type TestApp } from '../support/test-app';

describe('cloud resources: quota rows written with the first keys are keyed as today', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function normalise() {
    const runner = t.db.dataSource.createQueryRunner();
    try {
      await (t.db.isSqlite ? new NormaliseSqlite() : new NormaliseMysql()).up(runner);
    } finally {
      await runner.release();
    }
  }
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
});
