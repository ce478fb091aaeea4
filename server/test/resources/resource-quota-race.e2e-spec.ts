import { RESOURCE_LIMITS } from '@beian/shared';
import { PERSONAL_WEBSITE, website } from '@beian/shared/testing';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import type { AppException } from '../../src/platform/errors/app-exception';
import { ResourceUseEntity } from '../../src/resources/resource-use.entity';
import { ResourceUsesOnOrderStatus } from '../../src/resources/resource-uses.effects';
import { devLogin, useTwoTestApps, type TestApp } from '../support/test-app';
import { cvm, inventory } from './resource.support';

const RACE_TIMEOUT = 60_000;

/**
 * Two app instances on one database (on MariaDB, two connection pools). An account holds one open order at a time
 * (created and submitted), so two submissions at the quota cannot reach the API together today; the quota still
 * holds without that rule: two submissions' reservations, each in its own transaction whose snapshot was taken
 * before either counted, meet at the last free place on an instance.
 */
describe('cloud resources: two submissions at the services-per-instance quota at once', () => {
  const { a, b } = useTwoTestApps();

  /** Two draft orders of one account, each with a website on `instanceId` (the second made while the first looked withdrawn). */
  async function twoDrafts(instanceId: string) {
    const owner = await devLogin(a.url, `quota-racer-${instanceId}`);
    const orders = a.db.manager.getRepository(FilingOrderEntity);
    const first = await owner.client.kit.createOrder(PERSONAL_WEBSITE);
    await orders.update({ id: first.id }, { status: 'withdrawn' });
    const second = await owner.client.kit.createOrder(PERSONAL_WEBSITE);
    await orders.update({ id: first.id }, { status: 'draft' });
    for (const [n, order] of [first, second].entries()) {
      const { version } = await owner.client.kit.order(order.id);
      await owner.client.kit.saveDraft(order.id, {
        version,
        draft: { websites: [website({ domains: [`race-${n}.cn`], resource: { type: 'instance', instanceId } })] },
      });
    }
    return { owner, orders: [first, second].map((order) => ({ id: order.id, ownerId: owner.user.id, kind: 'first_filing' as const })) };
  }

  it(
    'should let only one of two submissions take the last place on an instance when both counted before either wrote',
    async () => {
      const admin = (await devLogin(a.url, '管理员-race')).client;
      const { owner, orders } = await twoDrafts('ins-race');
      await inventory(admin, owner.user.id).register('ins-race', cvm(a, { filedServices: RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value - 1 }));

      // Each transaction reads first (MariaDB fixes its snapshot there) and waits until the other has read too.
      let arrived = 0;
      let release: () => void = () => {};
      const bothRead = new Promise<void>((resolve) => (release = resolve));
      const reserve = (app: TestApp, order: (typeof orders)[number]) =>
        app.db.retryingTransaction(async (tx: EntityManager) => {
          await tx.count(ResourceUseEntity, { where: { accountId: order.ownerId } });
          if (!app.db.isSqlite && ++arrived === 2) release();
          if (!app.db.isSqlite) await bothRead;
          await app.app.get(ResourceUsesOnOrderStatus).entered(tx, { order, from: 'draft', to: 'pending_initial_review', event: 'submit' });
        });

      const results = await Promise.allSettled([reserve(a, orders[0]!), reserve(b, orders[1]!)]);

      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppException;
      expect(refused.code).toBe('PRECHECK_FAILED');
      expect(refused.fields).toEqual([expect.objectContaining({ path: 'websites.0.resource.instanceId', message: expect.stringContaining('已有 5 个') })]);
      expect(await a.db.manager.count(ResourceUseEntity, { where: { accountId: owner.user.id, instanceId: 'ins-race' } })).toBe(1);
    },
    RACE_TIMEOUT,
  );
});
